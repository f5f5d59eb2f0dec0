/** esbuild loads `.css` as text (loader: { '.css': 'text' }); the text goes into a shadow root. */
declare module '*.css' {
  const css: string;
  export default css;
}
