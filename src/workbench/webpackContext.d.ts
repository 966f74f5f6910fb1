/** Webpack's `import.meta.webpackContext` (webpack 5.70+): bundles every file under a folder that matches. */
interface WebpackContext {
  keys(): string[];
  (request: string): unknown;
}

interface ImportMeta {
  webpackContext(
    request: string,
    options?: { recursive?: boolean; regExp?: RegExp }
  ): WebpackContext;
}
