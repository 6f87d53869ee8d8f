import { createContext, useContext } from 'react';

/**
 * Opens an order in the Orders section from anywhere (the student card's timeline). `null`
 * when the signed-in role may not read orders: then an order number is plain text.
 */
export type OpenOrder = (orderId: string) => void;

export const OrderLinkContext = createContext<OpenOrder | null>(null);

export function useOrderLink(): OpenOrder | null {
  return useContext(OrderLinkContext);
}
