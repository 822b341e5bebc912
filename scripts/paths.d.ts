/** The oldest Node the project runs on, from package.json's `engines.node`. */
export declare const minimumNode: string;
/** The export condition under which `image-catalog/...` resolves to the TypeScript sources in this checkout. */
export declare const sourceCondition: string;
/** Cache root outside the repository. */
export declare function cacheRoot(): string;
/** The cache folder of a tool's binaries, keyed by tool and version. */
export declare function toolBinDir(name: string): string;
/** The cache folders of every executable tool. */
export declare function toolBinDirs(): string[];
/** The CLI configuration that points tofu at the provider mirror. */
export declare function tofuCliConfigPath(): string;
/** The variables every tool run of this checkout gets (offline pulumi and tofu). */
export declare function offlineEnv(): Record<string, string>;
/** Root of the OpenTofu filesystem mirror that holds the Terraform providers. */
export declare function providerMirrorDir(): string;
