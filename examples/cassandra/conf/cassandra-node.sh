#!/bin/sh
# One Cassandra node's commands, rendered by Stratum into each task's sandbox with the task's
# environment, so that it also runs by hand from any directory:
#   sh <sandbox>/cassandra-node.sh start|probe|nodetool ARGS|repair|cleanup|backup|restore
# Plan parameters reach repair, cleanup, backup and restore as environment variables (KEYSPACE,
# KEYSPACES, BACKUP_DIR, SNAPSHOT_NAME).
set -eu

JAVA='{{{CASSANDRA_JAVA_HOME}}}/bin/java'
LIB='{{{CASSANDRA_LIB}}}'
TOOLS='{{{CASSANDRA_TOOLS}}}'
ADDRESS='{{STRATUM_AGENT_ADDRESS}}'
NODE_INDEX='{{POD_INSTANCE_INDEX}}'
NATIVE_PORT='{{NATIVE_PORT}}'
STORAGE_PORT='{{STORAGE_PORT}}'
JMX_PORT='{{JMX_PORT}}'
SANDBOX="$(cd "$(dirname "$0")" && pwd)"
DATA="$SANDBOX/container-path"

# JMX listens on a loopback address only: the node's own when it is one (local agents, each on its
# own 127.0.0.x, so every node has the same JMX port), else 127.0.0.1 (one node per machine).
case "$ADDRESS" in
  127.*) JMX_HOST="$ADDRESS" ;;
  *) JMX_HOST=127.0.0.1 ;;
esac

# Cassandra's tools (nodetool, sstableloader) on the node's classpath, with a small heap.
tool() {
  main=$1
  shift
  mkdir -p "$SANDBOX/logs" "$SANDBOX/tools-home"
  "$JAVA" -Xmx128m -XX:+UseSerialGC @"$SANDBOX/conf/jvm17.args" -Dcassandra.logdir="$SANDBOX/logs" \
    -Dlogback.configurationFile="$SANDBOX/conf/logback.xml" -Duser.home="$SANDBOX/tools-home" \
    -cp "$LIB/*" "$main" "$@"
}

nodetool() {
  tool org.apache.cassandra.tools.NodeTool -h "$JMX_HOST" -p "$JMX_PORT" "$@"
}

# backup and restore: the plan's parameters, or a clear failure naming the missing one
backup_location() {
  if [ -z "${BACKUP_DIR:-}" ] || [ -z "${SNAPSHOT_NAME:-}" ]; then
    echo "$1 needs the plan parameters BACKUP_DIR and SNAPSHOT_NAME" \
      "(stratum plan start $1 -p BACKUP_DIR=/path -p SNAPSHOT_NAME=name)" >&2
    exit 2
  fi
  case "$SNAPSHOT_NAME" in
    */* | .*) echo "$1: SNAPSHOT_NAME must be a plain name, got '$SNAPSHOT_NAME'" >&2; exit 2 ;;
  esac
  echo "$BACKUP_DIR/$SNAPSHOT_NAME/node-$NODE_INDEX"
}

# whether keyspace $1 is in KEYSPACES (all but the system keyspaces when KEYSPACES is empty)
wanted() {
  case "$1" in system | system_*) return 1 ;; esac
  [ -z "${KEYSPACES:-}" ] && return 0
  for ks in $KEYSPACES; do [ "$ks" = "$1" ] && return 0; done
  return 1
}

cd "$SANDBOX"
command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  start)
    mkdir -p "$SANDBOX/logs"
    replace=
    if [ -n "${STRATUM_REPLACED_ADDRESS:-}" ]; then
      # a node moved off a lost agent takes over its old address's tokens and streams their data
      replace="-Dcassandra.replace_address_first_boot=$STRATUM_REPLACED_ADDRESS"
    fi
    exec "$JAVA" -Xms'{{HEAP}}' -Xmx'{{HEAP}}' -Xss256k -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
      -javaagent:"$(ls "$LIB"/jamm-*.jar | head -n 1)" @"$SANDBOX/conf/jvm17.args" \
      -Dcassandra.config="file://$SANDBOX/conf/cassandra.yaml" \
      -Dcassandra-rackdc.properties="file://$SANDBOX/conf/cassandra-rackdc.properties" \
      -Dlogback.configurationFile="$SANDBOX/conf/logback.xml" -Dcassandra.logdir="$SANDBOX/logs" \
      -Dcassandra.storagedir="$DATA" \
      -Dcom.sun.management.jmxremote.host="$JMX_HOST" -Djava.rmi.server.hostname="$JMX_HOST" \
      -Dcom.sun.management.jmxremote.port="$JMX_PORT" -Dcom.sun.management.jmxremote.rmi.port="$JMX_PORT" \
      -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false \
      -Dcassandra.ring_delay_ms='{{RING_DELAY_MS}}' -Dcassandra.skip_wait_for_gossip_to_settle=0 \
      $replace -cp "$SANDBOX/conf:$LIB/*" org.apache.cassandra.service.CassandraDaemon -f
    ;;
  probe)
    exec "$JAVA" -Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$TOOLS" \
      io.stratum.examples.cassandra.probe.NodeProbe "$JMX_HOST" "$JMX_PORT" "$ADDRESS"
    ;;
  nodetool)
    nodetool "$@"
    ;;
  repair)
    # primary ranges only: run on every node (the repair plan does), each range is repaired once
    nodetool repair -pr -- ${KEYSPACE:-}
    ;;
  cleanup)
    nodetool cleanup -- ${KEYSPACE:-}
    ;;
  backup)
    dest=$(backup_location backup)
    nodetool clearsnapshot -t "$SNAPSHOT_NAME" -- ${KEYSPACES:-}
    nodetool snapshot -t "$SNAPSHOT_NAME" -- ${KEYSPACES:-}
    mkdir -p "$dest"
    copied=0
    for snapshot in "$DATA"/data/*/*/snapshots/"$SNAPSHOT_NAME"; do
      [ -d "$snapshot" ] || continue
      table_dir=$(dirname "$(dirname "$snapshot")")
      keyspace=$(basename "$(dirname "$table_dir")")
      table=$(basename "$table_dir")
      table=${table%-*}
      wanted "$keyspace" || continue
      mkdir -p "$dest/$keyspace/$table"
      cp -pR "$snapshot/." "$dest/$keyspace/$table/"
      copied=$((copied + 1))
    done
    nodetool clearsnapshot -t "$SNAPSHOT_NAME" -- ${KEYSPACES:-}
    echo "node-$NODE_INDEX: $copied tables backed up to $dest"
    ;;
  restore)
    src=$(backup_location restore)
    if [ ! -d "$src" ]; then
      echo "restore: no backup of node-$NODE_INDEX at $src" >&2
      exit 1
    fi
    restored=0
    for table_dir in "$src"/*/*; do
      [ -d "$table_dir" ] || continue
      wanted "$(basename "$(dirname "$table_dir")")" || continue
      # sstableloader streams each row to the nodes that own it now, whatever the ring became
      tool org.apache.cassandra.tools.BulkLoader --no-progress -d "$ADDRESS" -p "$NATIVE_PORT" \
        -sp "$STORAGE_PORT" "$table_dir"
      restored=$((restored + 1))
    done
    echo "node-$NODE_INDEX: $restored tables restored from $src"
    ;;
  *)
    echo "usage: $0 start|probe|nodetool ARGS|repair|cleanup|backup|restore" >&2
    exit 2
    ;;
esac
