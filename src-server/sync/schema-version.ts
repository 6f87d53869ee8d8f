/**
 * The replica schema this server build speaks. It is the client's own constant (the last
 * migration's number), imported rather than copied so a release cannot ship the two apart.
 */
import { SCHEMA_VERSION } from '../../src-main/platform/schema-version';

export const SERVER_SCHEMA_VERSION: number = SCHEMA_VERSION;

/** Mutations made with this schema or the previous one are accepted (issue 5, "Versions"). */
export function schemaVersionProblem(v: number): { code: string; message: string } | null {
  if (v === SERVER_SCHEMA_VERSION || v === SERVER_SCHEMA_VERSION - 1) return null;
  if (v < SERVER_SCHEMA_VERSION) {
    return {
      code: 'update_required',
      message: `This change was made with an old version of UniDesk (data version ${v}; the server needs ${SERVER_SCHEMA_VERSION - 1} or newer). Update the app, then sync again.`,
    };
  }
  return {
    code: 'server_outdated',
    message: `This change was made with a newer UniDesk (data version ${v}) than the server knows (${SERVER_SCHEMA_VERSION}). Ask IT to update the sync server.`,
  };
}
