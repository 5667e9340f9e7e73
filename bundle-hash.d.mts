/** Types of bundle-hash.mjs, for jest.global-setup.ts. */
export declare const HASH_FILE: string
export declare function inputsHash(root?: string): string
export declare function storedHash(root?: string): string | undefined
export declare function writeHash(root?: string): void
