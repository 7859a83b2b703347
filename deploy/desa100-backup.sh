#!/bin/sh
# Run by desa100-backup.service: one dated backup, then delete those older than BACKUP_KEEP_DAYS.
# Embedded database: `cli backup` (SQLite online backup, safe while the server runs).
# PostgreSQL (DATABASE_URL set): pg_dump in its custom format, for pg_restore.
set -eu
dir=/var/backups/desa100
keep="${BACKUP_KEEP_DAYS:-14}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
cd /opt/desa100
if [ -n "${DATABASE_URL:-}" ]; then
  out="$dir/desa100-$stamp.pgdump"
  pg_dump -Fc --dbname="$DATABASE_URL" --file="$out.part"
else
  out="$dir/desa100-$stamp.sqlite"
  /usr/bin/node --import tsx src/server/cli.ts backup --out "$out.part"
fi
mv "$out.part" "$out"
find "$dir" -maxdepth 1 -name 'desa100-*' -type f -mtime +"$keep" -delete
echo "backup written: $out"
