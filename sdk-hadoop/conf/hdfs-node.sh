#!/bin/bash
# One HDFS daemon's commands, rendered by Stratum into each task's sandbox with the task's
# environment, so that it also runs by hand from any directory:
#   bash <sandbox>/hdfs-node.sh journal|name|format|bootstrap|zkfc|zkfc-format|data|decommission
#   bash <sandbox>/hdfs-node.sh probe-journal|probe-name|probe-data   (readiness: exit 0 when ready)
#   bash <sandbox>/hdfs-node.sh hdfs ARGS                             (e.g. dfsadmin -report)
# The probes read the daemon's JMX over HTTP with bash alone (/dev/tcp): no JVM starts for them.
set -eu

JAVA='{{{HADOOP_JAVA_HOME}}}/bin/java'
LIB='{{{HADOOP_LIB}}}'
WEBAPPS='{{{HADOOP_WEBAPPS}}}'
HEAP='{{{HEAP}}}'
ADDRESS='{{{STRATUM_AGENT_ADDRESS}}}'
NAMESERVICE='{{{NAMESERVICE}}}'
SERVICE='{{{FRAMEWORK_NAME}}}'
TASK='{{{TASK_NAME}}}'
# both name nodes' HTTP addresses (their JMX), from where they were placed
NAME_HTTP='{{{NAME_0_HOST}}}:{{{NAME_0_PORT_NAME_HTTP}}} {{{NAME_1_HOST}}}:{{{NAME_1_PORT_NAME_HTTP}}}'
HOSTS_DIR='{{{HOSTS_DIR}}}'
DECOMMISSION_TIMEOUT_S='{{{DECOMMISSION_TIMEOUT_S}}}'
SANDBOX="$(cd "$(dirname "$0")" && pwd)"
CONF="$SANDBOX/etc/hadoop"

[ -n "$HOSTS_DIR" ] || HOSTS_DIR="${TMPDIR:-/tmp}/stratum-hdfs-$(printf '%s' "$SERVICE" | tr '/' '_')"
EXCLUDE_FILE="$HOSTS_DIR/dfs.exclude"

# java_run MAIN ARGS: a Hadoop class on the daemons' classpath, with this task's config and heap, in
# place of this shell (its generic options, -Dkey=value, go first: parsing stops at the first other one)
java_run() {
  main=$1
  shift
  exec "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -Xss512k -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
    -Djava.net.preferIPv4Stack=true -Dhadoop.log.dir="$SANDBOX/logs" -Dhadoop.home.dir="$SANDBOX" \
    -cp "$CONF:$WEBAPPS:$LIB/*" "$main" "$@"
}

# tool MAIN ARGS: as java_run, but returns (a short-lived admin tool, small and quick to start)
tool() {
  main=$1
  shift
  "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true \
    -cp "$CONF:$LIB/*" "$main" "$@"
}

# jmx HOST:PORT QUERY: the JMX servlet's JSON answer for the bean QUERY, on stdout; fails when nothing answers
jmx() {
  host=${1%:*}
  port=${1##*:}
  exec 3<>"/dev/tcp/$host/$port" || return 1
  printf 'GET /jmx?qry=%s HTTP/1.0\r\nHost: %s\r\n\r\n' "$2" "$1" >&3
  cat <&3
  exec 3<&-
}

# admin_state HTTP_ADDRESS: this data node's admin state ("In Service", "Decommission In Progress",
# "Decommissioned") as the name node at HTTP_ADDRESS reports it, after its HA state: "active In Service"
admin_state() {
  status=$(jmx "$1" 'Hadoop:service=NameNode,name=NameNodeStatus' 2>/dev/null) || return 0
  ha=$(printf '%s' "$status" | sed -n 's/^ *"State" : "\([a-z]*\)".*/\1/p' | head -n 1)
  info=$(jmx "$1" 'Hadoop:service=NameNode,name=NameNodeInfo' 2>/dev/null) || return 0
  # LiveNodes is a JSON string: "{\"<address>:<port>\":{...,\"adminState\":\"In Service\",...},...}"
  state=$(printf '%s' "$info" | grep -o "\\\\\"$ADDRESS:$DATA_PORT\\\\\":{[^}]*}" \
    | grep -o 'adminState\\":\\"[^\\]*' | sed 's/.*\\"//' | head -n 1)
  echo "${ha:-unknown} ${state:-unknown}"
}

# include_self: takes this data node out of the exclude file, if a decommission of its address left it there
include_self() {
  if [ -f "$EXCLUDE_FILE" ] && grep -qx "$ADDRESS:$DATA_PORT" "$EXCLUDE_FILE"; then
    grep -vx "$ADDRESS:$DATA_PORT" "$EXCLUDE_FILE" >"$EXCLUDE_FILE.tmp" || true
    mv "$EXCLUDE_FILE.tmp" "$EXCLUDE_FILE"
    tool org.apache.hadoop.hdfs.tools.DFSAdmin -refreshNodes || true
  fi
}

cd "$SANDBOX"
mkdir -p "$SANDBOX/logs" "$HOSTS_DIR"
touch "$EXCLUDE_FILE"
DATA_PORT=${PORT_DATA_RPC:-}
command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  journal)
    java_run org.apache.hadoop.hdfs.qjournal.server.JournalNode \
      -Ddfs.journalnode.edits.dir="$SANDBOX/journal-data"
    ;;
  name)
    java_run org.apache.hadoop.hdfs.server.namenode.NameNode \
      -Ddfs.namenode.name.dir="file://$SANDBOX/name-data" -Ddfs.hosts.exclude="$EXCLUDE_FILE"
    ;;
  format)
    # once in the file system's life: a name node whose volume holds metadata is never formatted
    if [ -f "$SANDBOX/name-data/current/VERSION" ]; then
      echo "$TASK: name-data holds a namespace already; not formatting"
      exit 0
    fi
    # -nonInteractive: refuses (fails) rather than erase journal nodes that hold edits
    java_run org.apache.hadoop.hdfs.server.namenode.NameNode \
      -Ddfs.namenode.name.dir="file://$SANDBOX/name-data" -format -nonInteractive -clusterid "$NAMESERVICE"
    ;;
  bootstrap)
    if [ -f "$SANDBOX/name-data/current/VERSION" ]; then
      echo "$TASK: name-data holds a namespace already; not bootstrapping"
      exit 0
    fi
    java_run org.apache.hadoop.hdfs.server.namenode.NameNode \
      -Ddfs.namenode.name.dir="file://$SANDBOX/name-data" -bootstrapStandby -nonInteractive -skipSharedEditsCheck
    ;;
  zkfc)
    java_run org.apache.hadoop.hdfs.tools.DFSZKFailoverController
    ;;
  zkfc-format)
    # exit 2: the ZKFCs' node exists already (formatted before), which is what this task is for
    set +e
    (java_run org.apache.hadoop.hdfs.tools.DFSZKFailoverController -formatZK -nonInteractive)
    code=$?
    set -e
    if [ "$code" -eq 2 ]; then
      echo "$TASK: the ZKFCs' node exists already in ZooKeeper; not formatting"
      exit 0
    fi
    exit "$code"
    ;;
  data)
    include_self
    java_run org.apache.hadoop.hdfs.server.datanode.DataNode \
      -Ddfs.datanode.data.dir="file://$SANDBOX/data-data"
    ;;
  decommission)
    # the data node's ports come from its running task (PORT_DATA_RPC)
    [ -n "$DATA_PORT" ] || { echo "$TASK: no PORT_DATA_RPC: not a data node's task" >&2; exit 2; }
    grep -qx "$ADDRESS:$DATA_PORT" "$EXCLUDE_FILE" || echo "$ADDRESS:$DATA_PORT" >>"$EXCLUDE_FILE"
    tool org.apache.hadoop.hdfs.tools.DFSAdmin -refreshNodes
    deadline=$(($(date +%s) + DECOMMISSION_TIMEOUT_S))
    while :; do
      states=
      finished=no
      for name in $NAME_HTTP; do
        state=$(admin_state "$name")
        states="$states $name=${state:-no answer}"
        # the active name node moves the blocks away: its word decides
        case "$state" in "active Decommissioned") finished=yes ;; esac
      done
      if [ "$finished" = yes ]; then
        echo "$TASK: $ADDRESS:$DATA_PORT decommissioned:$states"
        exit 0
      fi
      if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "$TASK: $ADDRESS:$DATA_PORT not decommissioned after ${DECOMMISSION_TIMEOUT_S}s:$states" >&2
        exit 1
      fi
      sleep 2
    done
    ;;
  probe-journal)
    answer=$(jmx "$ADDRESS:$PORT_JOURNAL_HTTP" 'Hadoop:service=JournalNode,name=JournalNodeInfo') \
      || { echo "not ready: no answer on $ADDRESS:$PORT_JOURNAL_HTTP yet" >&2; exit 1; }
    printf '%s' "$answer" | grep -q '"name" : "Hadoop:service=JournalNode,name=JournalNodeInfo"' \
      || { echo "not ready: no JournalNode bean in the answer of $ADDRESS:$PORT_JOURNAL_HTTP" >&2; exit 1; }
    echo "journal node up"
    ;;
  probe-name)
    answer=$(jmx "$ADDRESS:$PORT_NAME_HTTP" 'Hadoop:service=NameNode,name=NameNodeStatus') \
      || { echo "not ready: no answer on $ADDRESS:$PORT_NAME_HTTP yet" >&2; exit 1; }
    state=$(printf '%s' "$answer" | sed -n 's/^ *"State" : "\([a-z]*\)".*/\1/p' | head -n 1)
    case "$state" in
      active | standby) echo "name node $state" ;;
      *) echo "not ready: the name node is '${state:-not serving yet}', not active or standby" >&2; exit 1 ;;
    esac
    ;;
  probe-data)
    answer=$(jmx "$ADDRESS:$PORT_DATA_HTTP" 'Hadoop:service=DataNode,name=DataNodeInfo') \
      || { echo "not ready: no answer on $ADDRESS:$PORT_DATA_HTTP yet" >&2; exit 1; }
    # BPServiceActorInfo: one actor per name node, RUNNING once registered with it
    running=$(printf '%s' "$answer" | grep -o 'ActorState\\":\\"RUNNING' | wc -l)
    if [ "$running" -lt 2 ]; then
      echo "not ready: registered with $running of the 2 name nodes" >&2
      exit 1
    fi
    echo "data node registered with both name nodes"
    ;;
  hdfs)
    # an admin command by hand: bash hdfs-node.sh hdfs dfsadmin -report
    sub=${1:-}
    [ $# -gt 0 ] && shift
    case "$sub" in
      dfsadmin) tool org.apache.hadoop.hdfs.tools.DFSAdmin "$@" ;;
      haadmin) tool org.apache.hadoop.hdfs.tools.DFSHAAdmin "$@" ;;
      dfs) tool org.apache.hadoop.fs.FsShell "$@" ;;
      fsck) tool org.apache.hadoop.hdfs.tools.DFSck "$@" ;;
      *) echo "usage: $0 hdfs dfsadmin|haadmin|dfs|fsck ARGS" >&2; exit 2 ;;
    esac
    ;;
  *)
    echo "usage: $0 journal|name|format|bootstrap|zkfc|zkfc-format|data|decommission|probe-journal|probe-name|probe-data|hdfs ARGS" >&2
    exit 2
    ;;
esac
