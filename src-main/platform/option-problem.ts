/** Shared by the workstation's and the server's command lines (the server may import only platform/). */

/** parseArgs' message without its advice about positionals: "unknown option --dbb". */
export function optionProblem(e: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(e.message)) return `option ${option ?? ''} takes no value`;
      return option ? `option ${option.replace(/ <value>$/, '')} needs a value` : 'an option needs a value';
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(e.message)?.[1] ?? ''}`.trim();
    default:
      return e.message.split('.')[0] ?? e.message;
  }
}
