# Shared settings of the engines stage (source it; every value can be overridden from the environment).
ENGINES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$ENGINES_DIR/../.." && pwd)"
export CP360_ENGINES_VENV="${CP360_ENGINES_VENV:-/tmp/cp360-engines-venv}"
export CP360_ENGINES_PYTHON="$CP360_ENGINES_VENV/bin/python"
# A private MariaDB: its own data directory, socket and port, never the system service.
export CP360_MARIADB_ROOT="${CP360_MARIADB_ROOT:-/tmp/cp360-mariadb}"
export CP360_MARIADB_PORT="${CP360_MARIADB_PORT:-3407}"
export CP360_MARIADB_HOST=127.0.0.1
