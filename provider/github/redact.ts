/**
 * The last guard before a text leaves the process for GitHub (a check run, a comment, SARIF, a workflow command):
 * the value of every environment variable whose name says it is a credential (…TOKEN, …PASSWORD, …SECRET, …KEY,
 * OS_APPLICATION_CREDENTIAL_SECRET, a clouds.yaml given inline) is replaced by `***`. The texts are built from
 * decisions and never take a credential on purpose; this catches one carried in by an error message.
 */

const credentialName = /(TOKEN|PASSWORD|PASSWD|SECRET|_KEY|^KEY|CREDENTIAL|CLOUDS_YAML)/i;

/** The values to hide: credentials of `env` of 6 characters or more (shorter ones would mask ordinary words). */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => credentialName.test(name) && value !== undefined && value.length >= 6)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);
}

/** `text` with every secret value replaced by `***`. */
export function redact(text: string, secrets: readonly string[] = secretValues()): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
