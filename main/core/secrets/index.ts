// The credentials module: the keychain behind SecretStore, and what the rest of the core may do with credentials.
export { KEYCHAIN_SERVICE, CREDENTIAL_KINDS, keychainAccount } from './secret-store';
export type { CredentialKind, SecretStore, SecretStoreStatus } from './secret-store';
export { KeytarSecretStore, loadKeytar } from './keytar-secret-store';
export type { KeytarApi, KeytarSecretStoreOptions } from './keytar-secret-store';
export { CredentialService } from './credential-service';
export type { CredentialState, CredentialsStatus, SavedCredential } from './credential-service';
export type { CredentialVerifier, VerifiedCredential } from './credential-verifier';
export { WorkosKeyVerifier, workosClientOptions } from './workos-key-verifier';
export { GemTokenVerifier } from './gem-token-verifier';
export { secretHint } from './secret-hint';
