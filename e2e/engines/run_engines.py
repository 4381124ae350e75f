"""
Loads the demo data into each engine and runs that engine's dataset SQL (demo/db/dataset.<dialect>.sql).

    python run_engines.py --seed SEED_SQL --out DIR [--engines mariadb,clickhouse,duckdb,snowflake,bigquery]

SEED_SQL is the generator's output (demo/db/seed.js buildSeedSql, written by the test): its INSERT statements are
plain SQL literals (quoted text with '' escapes, numbers, NULL, TRUE/FALSE) that every engine here accepts as they
are. The tables come from demo/db/schema.sql, translated per engine by schema_for() below (column names, types,
NOT NULL and primary keys; CHECKs, foreign keys and partial indexes are PostgreSQL's business).

The dataset query runs as Superset runs a virtual dataset, wrapped: SELECT * FROM (<dataset>) AS virtual_table.
Each engine's rows are written to DIR/<engine>.json in two forms:
  - "rows": as Superset's chart-data API would hand them to the chart (see superset_value): the driver's dates as
    epoch milliseconds, decimals as floats, nested arrays/objects as JSON text;
  - "driverTypes": the Python type each driver returned per column, for docs/ENGINES.md.
An engine that fails writes {"error": ...} instead, so the test names the engine and the database's message.
"""
import argparse
from importlib import metadata
import datetime as dt
import decimal
import json
import os
import re
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DB_DIR = os.path.join(REPO, 'demo', 'db')
ENGINES = ['mariadb', 'clickhouse', 'duckdb', 'snowflake', 'bigquery']
DIALECT_FILE = {
    'mariadb': 'dataset.mysql.sql',
    'clickhouse': 'dataset.clickhouse.sql',
    'duckdb': 'dataset.duckdb.sql',
    'snowflake': 'dataset.snowflake.sql',
    'bigquery': 'dataset.bigquery.sql',
}

# ----------------------------------------------------------------------------------------------------------------
# schema.sql -> tables (name, columns, primary key)
# ----------------------------------------------------------------------------------------------------------------

COLUMN_RE = re.compile(r'^\s+(\w+)\s+(text|integer|numeric\s*\(\s*\d+\s*,\s*\d+\s*\)|date|boolean)(?![\w(])(.*)$', re.I)


def read_tables(schema_sql):
    tables = []
    for m in re.finditer(r'CREATE TABLE (\w+) \((.*?)\n\);', schema_sql, re.S):
        name, body = m.group(1), m.group(2)
        columns, pk = [], []
        for line in body.split('\n'):
            line = re.sub(r'--.*$', '', line)
            cm = COLUMN_RE.match(line)
            if cm and cm.group(1).upper() not in ('PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN'):
                col, typ, rest = cm.group(1), re.sub(r'\s+', '', cm.group(2).lower()), cm.group(3)
                not_null = bool(re.search(r'\bNOT NULL\b|\bPRIMARY KEY\b', rest, re.I))
                if re.search(r'\bPRIMARY KEY\b', rest, re.I):
                    pk = [col]
                columns.append((col, typ, not_null))
            pkm = re.match(r'^\s+PRIMARY KEY \(([^)]*)\)', line)
            if pkm:
                pk = [c.strip() for c in pkm.group(1).split(',')]
        if not columns:
            raise ValueError(f'schema.sql: no columns read for {name}')
        tables.append((name, columns, pk))
    if not tables:
        raise ValueError('schema.sql: no CREATE TABLE read')
    return tables


def numeric_parts(typ):
    p, s = re.match(r'numeric\((\d+),(\d+)\)', typ).groups()
    return int(p), int(s)


def type_for(engine, typ, in_key):
    if typ == 'text':
        # MariaDB: a key column needs a length; utf8mb4_bin compares as PostgreSQL's "C" collation does.
        if engine == 'mariadb':
            return 'VARCHAR(255)' if in_key else 'TEXT'
        return 'String' if engine == 'clickhouse' else 'VARCHAR'
    if typ == 'integer':
        return 'Int32' if engine == 'clickhouse' else 'INTEGER'
    if typ == 'date':
        return 'Date' if engine == 'clickhouse' else 'DATE'
    if typ == 'boolean':
        return 'Bool' if engine == 'clickhouse' else 'BOOLEAN'
    p, s = numeric_parts(typ)
    if engine == 'clickhouse':
        return f'Decimal({p}, {s})'
    if engine == 'snowflake':
        return f'NUMBER({p}, {s})'
    return f'DECIMAL({p}, {s})'


# Columns the dataset joins or filters on besides the primary keys: indexed on MariaDB (docs/ENGINES.md).
JOIN_KEYS = {'customer_id', 'csm_id', 'owner_id', 'product_id', 'status'}


def schema_for(engine, tables):
    out = []
    for name, columns, pk in tables:
        defs = []
        for col, typ, not_null in columns:
            in_key = col in pk or col in JOIN_KEYS
            t = type_for(engine, typ, in_key)
            if engine == 'clickhouse':
                defs.append(f'  {col} {t if not_null else f"Nullable({t})"}')
            else:
                defs.append(f'  {col} {t}{" NOT NULL" if not_null else ""}')
        if engine == 'clickhouse':
            order = f'({", ".join(pk)})' if pk else 'tuple()'
            out.append(f'CREATE TABLE {name} (\n' + ',\n'.join(defs) + f'\n) ENGINE = MergeTree ORDER BY {order}')
            continue
        if pk:
            defs.append(f'  PRIMARY KEY ({", ".join(pk)})')
        if engine == 'mariadb':
            if 'customer_id' in [c[0] for c in columns] and pk[:1] != ['customer_id']:
                defs.append('  KEY (customer_id)')
            out.append(f'CREATE TABLE {name} (\n' + ',\n'.join(defs)
                       + '\n) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin')
        else:
            out.append(f'CREATE TABLE {name} (\n' + ',\n'.join(defs) + '\n)')
    return out


def read_inserts(seed_sql):
    """The generator's INSERT statements, without its transaction and ANALYZE (PostgreSQL-only)."""
    start = seed_sql.index('\nINSERT INTO ')
    end = seed_sql.rindex('\nCOMMIT;')
    body = seed_sql[start + 1:end]
    return [s.rstrip().rstrip(';') for s in re.split(r';\n(?=INSERT INTO )', body)]


def read_dataset(engine):
    with open(os.path.join(DB_DIR, DIALECT_FILE[engine]), encoding='utf8') as f:
        sql = f.read()
    # No trailing semicolon: Superset wraps the dataset as a subquery.
    return sql.strip().rstrip(';')


def wrapped(sql):
    # Comments are kept; a newline ends the last one before the closing parenthesis.
    return f'SELECT * FROM (\n{sql}\n) AS virtual_table'


# ----------------------------------------------------------------------------------------------------------------
# Superset's conversion of a driver's values (superset/result_set.py + its JSON encoder), applied the same way to
# every engine: temporal values become epoch milliseconds (a DATE is midnight UTC), Decimal a float, and a nested
# list or dict is written as JSON text (stringify_values). Text, numbers, booleans and None pass through.
# ----------------------------------------------------------------------------------------------------------------

EPOCH = dt.datetime(1970, 1, 1)


def superset_value(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, dt.datetime):
        naive = v.astimezone(dt.timezone.utc).replace(tzinfo=None) if v.tzinfo else v
        return int((naive - EPOCH).total_seconds() * 1000)
    if isinstance(v, dt.date):
        return int((dt.datetime(v.year, v.month, v.day) - EPOCH).total_seconds() * 1000)
    if isinstance(v, (list, dict, tuple)):
        return json.dumps(v, default=str)
    if isinstance(v, (bytes, bytearray)):
        return v.decode('utf8')
    return str(v)


def type_name(v):
    t = type(v)
    return t.__name__ if t.__module__ == 'builtins' else f'{t.__module__}.{t.__name__}'


def package(columns, raw_rows):
    driver_types = {}
    for row in raw_rows:
        for col, v in zip(columns, row):
            if v is not None:
                driver_types.setdefault(col, set()).add(type_name(v))
    rows = [{col: superset_value(v) for col, v in zip(columns, row)} for row in raw_rows]
    return {
        'colnames': list(columns),
        'rows': rows,
        'driverTypes': {k: sorted(v) for k, v in driver_types.items()},
    }


# ----------------------------------------------------------------------------------------------------------------
# Engines
# ----------------------------------------------------------------------------------------------------------------


def run_mariadb(tables, inserts, args):
    import pymysql

    conn = pymysql.connect(host=os.environ.get('CP360_MARIADB_HOST', '127.0.0.1'),
                           port=int(os.environ.get('CP360_MARIADB_PORT', '3407')), user='root', password='',
                           charset='utf8mb4', autocommit=True,
                           # The generator escapes quotes by doubling them and writes backslashes as they are.
                           init_command="SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")
    cur = conn.cursor()
    cur.execute('DROP DATABASE IF EXISTS cp360')
    cur.execute('CREATE DATABASE cp360 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin')
    cur.execute('USE cp360')
    for ddl in schema_for('mariadb', tables):
        cur.execute(ddl)
    load_t0 = time.time()
    for stmt in inserts:
        cur.execute(stmt)
    load_s = time.time() - load_t0
    cur.execute('SELECT VERSION()')
    version = cur.fetchone()[0]
    q0 = time.time()
    cur.execute(wrapped(read_dataset('mariadb')))
    raw = cur.fetchall()
    columns = [d[0] for d in cur.description]
    query_s = time.time() - q0
    conn.close()
    return version, columns, raw, load_s, query_s


def run_clickhouse(tables, inserts, args):
    import chdb
    from chdb import session as chs

    sess = chs.Session()
    try:
        sess.query('CREATE DATABASE IF NOT EXISTS cp360')
        sess.query('USE cp360')
        for ddl in schema_for('clickhouse', tables):
            sess.query(ddl)
        load_t0 = time.time()
        for stmt in inserts:
            sess.query(stmt)
        load_s = time.time() - load_t0
        version = str(sess.query('SELECT version()', 'CSV')).strip().strip('"')
        q0 = time.time()
        # Arrow gives the Python types clickhouse-connect (Superset's ClickHouse driver) returns: date, Decimal, str.
        table = sess.query(wrapped(read_dataset('clickhouse')), 'ArrowTable')
        query_s = time.time() - q0
        columns = table.column_names
        raw = [tuple(r[c] for c in columns) for r in table.to_pylist()]
        return f'{version} (chDB {chdb.__version__})', columns, raw, load_s, query_s
    finally:
        sess.close()


def duckdb_loaded(engine_for_types, tables, inserts):
    import duckdb

    conn = duckdb.connect()
    for ddl in schema_for(engine_for_types, tables):
        conn.execute(ddl)
    t0 = time.time()
    for stmt in inserts:
        conn.execute(stmt)
    return conn, time.time() - t0


def run_duckdb(tables, inserts, args):
    import duckdb

    conn, load_s = duckdb_loaded('duckdb', tables, inserts)
    q0 = time.time()
    cur = conn.execute(wrapped(read_dataset('duckdb')))
    raw = cur.fetchall()
    columns = [d[0] for d in cur.description]
    return f'DuckDB {duckdb.__version__}', columns, raw, load_s, time.time() - q0


def run_snowflake(tables, inserts, args):
    import fakesnow
    import snowflake.connector

    with fakesnow.patch():
        # fakesnow creates its Snowflake functions (OBJECT_CONSTRUCT_KEEP_NULL, ...) in the connection's database.
        conn = snowflake.connector.connect(database='CP360', schema='DEMO')
        cur = conn.cursor()
        for ddl in schema_for('snowflake', tables):
            cur.execute(ddl)
        load_t0 = time.time()
        for stmt in inserts:
            cur.execute(stmt)
        load_s = time.time() - load_t0
        q0 = time.time()
        cur.execute(wrapped(read_dataset('snowflake')))
        raw = cur.fetchall()
        columns = [d[0].lower() for d in cur.description]
        query_s = time.time() - q0
        conn.close()
    return f'fakesnow {metadata.version("fakesnow")} (emulator on DuckDB)', columns, raw, load_s, query_s


def run_bigquery(tables, inserts, args):
    import duckdb
    import sqlglot

    sql = wrapped(read_dataset('bigquery'))
    # Parse strictly as BigQuery first: a syntax error there fails here, before any translation.
    sqlglot.parse_one(sql, read='bigquery', error_level=sqlglot.ErrorLevel.RAISE)
    translated = sqlglot.transpile(sql, read='bigquery', write='duckdb', unsupported_level=sqlglot.ErrorLevel.RAISE)[0]
    with open(os.path.join(args.out, 'bigquery.duckdb.sql'), 'w', encoding='utf8') as f:
        f.write(translated + '\n')
    conn, load_s = duckdb_loaded('duckdb', tables, inserts)
    q0 = time.time()
    cur = conn.execute(translated)
    raw = cur.fetchall()
    columns = [d[0] for d in cur.description]
    return (f'sqlglot {sqlglot.__version__} BigQuery -> DuckDB {duckdb.__version__} (parse + translation, not BigQuery)',
            columns, raw, load_s, time.time() - q0)


RUNNERS = {
    'mariadb': run_mariadb,
    'clickhouse': run_clickhouse,
    'duckdb': run_duckdb,
    'snowflake': run_snowflake,
    'bigquery': run_bigquery,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', required=True, help="the generator's SQL (buildSeedSql output)")
    ap.add_argument('--out', required=True, help='directory for <engine>.json')
    ap.add_argument('--engines', default=','.join(ENGINES))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(DB_DIR, 'schema.sql'), encoding='utf8') as f:
        tables = read_tables(f.read())
    with open(args.seed, encoding='utf8') as f:
        inserts = read_inserts(f.read())
    status = 0
    for engine in [e.strip() for e in args.engines.split(',') if e.strip()]:
        t0 = time.time()
        out_file = os.path.join(args.out, f'{engine}.json')
        try:
            version, columns, raw, load_s, query_s = RUNNERS[engine](tables, inserts, args)
            result = {'engine': engine, 'version': version, **package(columns, raw),
                      'seconds': {'load': round(load_s, 3), 'query': round(query_s, 3), 'total': round(time.time() - t0, 3)}}
            print(f'[engines] {engine}: {len(raw)} rows, load {load_s:.2f} s, query {query_s:.2f} s ({version})')
        except Exception as err:  # reported per engine; the others still run
            status = 1
            result = {'engine': engine, 'error': f'{type(err).__name__}: {err}', 'trace': traceback.format_exc()}
            print(f'[engines] {engine}: FAILED {type(err).__name__}: {err}', file=sys.stderr)
        with open(out_file, 'w', encoding='utf8') as f:
            json.dump(result, f, ensure_ascii=False)
    return status


if __name__ == '__main__':
    sys.exit(main())
