export const entry: string;
export const output: string;
export function bundleFaqScript(): Promise<string>;
