/**
 * `image-catalog/github`: the pull-request check's GitHub side (`image-catalog pr-check` drives it): the client
 * (GITHUB_API_URL honoured), where to report from the Actions environment, the check run with annotations in
 * batches, the PR comment found by its marker, SARIF 2.1.0 for code scanning, and the redaction every text passes.
 */
export { gitHubClient, type GitHubClient, type GitHubClientOptions } from './client.js';
export * from './context.js';
export * from './redact.js';
export * from './report.js';
export * from './sarif.js';
