/**
 * Where the provider plugin's launcher is: `bin/pulumi-resource-image-catalog` of this package (the same folder
 * from provider/ in a checkout and from dist/ in the installed package).
 */
import { fileURLToPath } from 'node:url';
import { packageName } from '../tokens.js';

/** The launcher's file name, as the engine looks it up. */
export const pluginName = `pulumi-resource-${packageName}`;

/** The folder of the launcher. */
export const pluginDir = fileURLToPath(new URL('../../../bin/', import.meta.url));
