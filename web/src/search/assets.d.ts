// Vite turns `?url` imports into the URL of the emitted file.
declare module '*.json?url' {
  const src: string;
  export default src;
}
