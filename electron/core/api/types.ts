import type { Channel, Output, ParsedInput } from '../../../shared/api';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };
/** The handlers one domain contributes; the table in handlers.ts must cover every channel. */
export type Handlers<K extends Channel> = { [C in K]: Handler<C> };
