/**
 * The GitHub Action (action.yml): `image-catalog pr-check` with the step's inputs as its flags. Bundled by
 * `npm run build:action` into action/bundle/ (committed), so a workflow that uses the action installs nothing for
 * it; the files the command reads at run time (policies/build, policies/data.json, schemas/, package.json) are the
 * repository's own, at the same place relative to the bundle as to the compiled package.
 *
 * A Pulumi project's program and this check must share one @pulumi/pulumi (the program registers its resources
 * with the runtime the Automation API started), and a CDKTF app brings its own cdktn: those stay out of the
 * bundle and are resolved from the project's folder, whose dependencies the workflow installed before this step.
 */
import { registerHooks } from 'node:module';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as core from '@actions/core';
import { flagsOf } from './inputs.js';

const input = (name: string): string => core.getInput(name);
const token = input('token');
// Masked in the log from here on, then given to the command the way it reads it.
if (token !== '') {
  core.setSecret(token);
  process.env['GITHUB_TOKEN'] = token;
}
const project = input('pulumi').trim() || input('cdktf').trim();
if (project !== '') {
  // The project's bins first (npm links the provider plugin pulumi-resource-image-catalog and cdktn there).
  process.env['PATH'] = `${join(resolve(project), 'node_modules', '.bin')}${delimiter}${process.env['PATH'] ?? ''}`;
  // @pulumi/* (and cdktn) from the project's node_modules: the copy its program uses.
  const parentURL = pathToFileURL(join(resolve(project), 'package.json')).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier.startsWith('@pulumi/') || specifier === 'cdktn' || specifier === 'constructs')
        return nextResolve(specifier, { ...context, parentURL });
      return nextResolve(specifier, context);
    },
  });
}
process.argv = [process.argv[0] ?? 'node', 'image-catalog', 'pr-check', ...flagsOf(input)];
await import('../provider/cli/main.js');
