"""The encrypted journal file: SQLCipher, its schema and migrations, reads, writes, backups."""
