import type { MessageType, ToBackground } from '../../messaging';

/** The handlers of some message types: each domain module in this folder answers its own. */
export type HandlerGroup<K extends MessageType> = { [T in K]: (payload: ToBackground[T]['request']) => Promise<ToBackground[T]['response']> };
