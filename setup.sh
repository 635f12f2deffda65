#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine with Node 20: the Debian packages the archive uses, then the npm
# dependencies (better-sqlite3 compiles from source against Node's own headers). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20 or later is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# Debian packages, installed only when missing (needs root or sudo):
#   python3 make g++            build better-sqlite3 from source
#   chromium + CJK fonts        browser tests of `nianbao serve`; rendering table screenshots for OCR fixtures
#                               (Noto CJK, UMing = Song, UKai = Kaiti, cwTeX FangSong: the looks of bench:ocr)
#   tesseract-ocr               optional faster OCR engine (tesseract.js works without it)
#   poppler-utils               pdfimages: table images inside PDFs at native resolution
#   libreoffice-*-nogui         converting legacy DOC / WPS / XLS attachments
#   postgresql                  the pg-boss queue of `nianbao worker` and its tests (started below)
wanted=(python3 make g++ chromium fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-cwtex-fs tesseract-ocr tesseract-ocr-chi-sim poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui postgresql)
apt_packages=()
for pkg in "${wanted[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || apt_packages+=("$pkg")
done
if [ "${#apt_packages[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${apt_packages[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${apt_packages[@]}"
fi

# Offline-safe npm install: no browser download, native addons built against the installed Node headers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# onnxruntime-node (PP-OCR engine) ships its CPU binaries; its install script would fetch CUDA files otherwise.
export ONNXRUNTIME_NODE_INSTALL_CUDA=skip
if [ -z "${npm_config_nodedir:-}" ] && [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
npm ci --no-fund --no-audit

# PostgreSQL for the queue's tests: the cluster started, a role and a database for them (idempotent). Tests read
# NIANBAO_TEST_PG, default postgres://nianbao:nianbao@127.0.0.1:5432/nianbao_test.
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! $sudo su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then
  echo "setup: starting PostgreSQL"
  $sudo service postgresql start || $sudo pg_ctlcluster "$(ls /etc/postgresql | sort -n | tail -1)" main start
fi
$sudo su postgres -c "psql -qAt -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nianbao') THEN CREATE ROLE nianbao LOGIN PASSWORD 'nianbao'; END IF;
END $$;
SELECT 'CREATE DATABASE nianbao_test OWNER nianbao' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'nianbao_test')
\gexec
SQL

mkdir -p data
echo "setup: done. Next: npx nianbao demo   (or: npm test)"
