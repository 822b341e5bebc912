/**
 * `image-catalog/github` (in progress, issue 13): the pull-request check's GitHub side — the client, the check run
 * with annotations in batches, the PR comment found by its marker. Not wired to a command yet.
 */
export { gitHubClient, type GitHubClient, type GitHubClientOptions } from './client.js';
export * from './report.js';
