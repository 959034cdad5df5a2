export const entry: string;
export const output: string;
export function bundleViewerHash(): Promise<string>;
