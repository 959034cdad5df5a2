import type { Database } from 'better-sqlite3';

// Issue 15: the vendor's Ed25519 key pair, which signs every bundle's manifest. One per library
// (made on first need, never replaced by the app). The private key is stored as sealed by the
// library's SecretSealer ('safeStorage' in the app where the OS has a keychain, 'plain' otherwise);
// the public key stays readable, so a read-only library can still say whether it made a bundle.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE vendor_keys (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      algorithm TEXT NOT NULL CHECK (algorithm = 'Ed25519'),
      public_key BLOB NOT NULL CHECK (length(public_key) = 32),
      private_key BLOB NOT NULL,
      sealed_by TEXT NOT NULL CHECK (sealed_by IN ('plain', 'safeStorage')),
      created_at TEXT NOT NULL
    ) STRICT;
  `);
}
