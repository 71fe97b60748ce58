#!/usr/bin/env bash
# A local SolrCloud (Apache Solr 9.10.1 from its Maven artifacts, an embedded ZooKeeper) for trying and testing the
# product's Solr backend. Everything binds to 127.0.0.1 on free ports; nothing is downloaded beyond Maven artifacts.
# ZooKeeper runs in the launcher's JVM and each node in a JVM of its own, so a node can be killed outright.
#
#   bash src/solrcloud/local.sh start [--nodes N]   starts N nodes (default 2) in the background; prints SOLR_URL=...
#                                                   (node 1) and SOLR_URLS=... (every node, for --solr to fail over)
#   bash src/solrcloud/local.sh status              says whether it runs, and where
#   bash src/solrcloud/local.sh stop                stops it
#   bash src/solrcloud/local.sh node stop|kill|start N
#                                                   stops node N (from 1: SIGTERM, Solr closes its cores), kills it
#                                                   (SIGKILL, as a machine fails), or restarts it on its port
#   bash src/solrcloud/local.sh nodes               lists the nodes: number, URL, up or down, process id
#
# The cluster is throwaway: each start begins empty. Its files and logs (cluster.log, nodeN.log) are in
# $SOLRCLOUD_DIR (default src/solrcloud/target/cluster); SOLRCLOUD_JAVA_OPTS replaces each node's JVM options
# (default -Xmx512m); with SOLRCLOUD_OWNER_PID set, the cluster also stops when that process ends (the tests set
# their own pid).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${SOLRCLOUD_DIR:-$here/target/cluster}"
pidfile="$dir.pid"

java_major() { # prints the feature version of the JDK at $1, or nothing (as ./transcript-search does)
  local release="$1/release"
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

find_jdk() { # prints the home of the newest JDK 21+ found in JAVA_HOME, on PATH or in the usual folders
  local candidates=() best="" best_major=0 c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    major="$(java_major "$c")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$c"; best_major="$major"
    fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

running_pid() { # prints the launcher's pid when it is alive
  [ -f "$pidfile" ] || return 0
  local pid; pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then printf '%s\n' "$pid"; fi
}

build() { # builds the launcher when its sources are newer than its classpath file
  local jdk="$1" cp="$here/target/classpath.txt"
  if [ ! -f "$cp" ] || [ -n "$(find "$here/src" "$here/pom.xml" -newer "$cp" -print -quit)" ]; then
    echo "Building the local cluster launcher (src/solrcloud) ..." >&2
    mkdir -p "$here/target"
    if ! (cd "$here" && JAVA_HOME="$jdk" mvn -q -B -ntp -DskipTests package >"$here/target/build.log" 2>&1); then
      cat "$here/target/build.log" >&2
      echo "The build failed; its log is in src/solrcloud/target/build.log." >&2
      exit 1
    fi
  fi
}

start() {
  local nodes=2
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes="${2:?--nodes needs a number}"; shift 2 ;;
      --nodes=*) nodes="${1#--nodes=}"; shift ;;
      *) echo "local.sh start: unknown option $1 (usage: start [--nodes N])" >&2; exit 2 ;;
    esac
  done
  [[ "$nodes" =~ ^[1-9][0-9]?$ ]] || { echo "local.sh start: --nodes must be a number from 1 to 99, not '$nodes'" >&2; exit 2; }
  if [ -n "$(running_pid)" ]; then
    echo "a local SolrCloud is already running (pid $(running_pid)); stop it first" >&2
    echo "SOLR_URL=$(cat "$dir/url" 2>/dev/null || echo unknown)"
    exit 1
  fi
  local jdk; jdk="$(find_jdk || true)"
  [ -n "$jdk" ] || { echo "the local SolrCloud needs a JDK 21 or newer; none was found (JAVA_HOME, PATH, /usr/lib/jvm)" >&2; exit 2; }
  build "$jdk"
  rm -rf "$dir"; mkdir -p "$dir"
  local log="$dir/cluster.log" started
  started="$(date +%s%N)"
  # shellcheck disable=SC2086 # the options are words
  nohup "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xmx192m -Dhost=127.0.0.1 -Dsolr.log.dir="$dir" \
    -Dsolrcloud.node.opts="${SOLRCLOUD_JAVA_OPTS:--Xmx512m}" \
    -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
    org.transcriptsearch.solrcloud.LocalCluster "$dir" "$nodes" >"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  local waited=0
  until [ -f "$dir/url" ]; do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      tail -n 30 "$log" >&2
      echo "the local SolrCloud did not start; its log is $log" >&2
      rm -f "$pidfile"; exit 1
    fi
    if [ "$waited" -ge 1800 ]; then
      echo "the local SolrCloud was not up after 180 s; stopping it (log: $log)" >&2
      stop >/dev/null; exit 1
    fi
    sleep 0.1; waited=$((waited + 1))
  done
  echo "local SolrCloud: $nodes node(s) up in $(( ($(date +%s%N) - started) / 1000000 )) ms (pid $(cat "$pidfile"), log $log)" >&2
  echo "SOLR_URL=$(cat "$dir/url")"
  echo "SOLR_URLS=$(cat "$dir/urls")"
}

stop() {
  local pid; pid="$(running_pid)"
  if [ -z "$pid" ]; then
    rm -f "$pidfile"; echo "no local SolrCloud is running"; return 0
  fi
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 600 ]; then echo "the cluster did not stop in 60 s; killing pid $pid" >&2; kill -KILL "$pid"; fi
    sleep 0.1; waited=$((waited + 1))
  done
  rm -f "$pidfile"
  echo "local SolrCloud stopped"
}

status() {
  local pid; pid="$(running_pid)"
  if [ -n "$pid" ] && [ -f "$dir/url" ]; then
    echo "running (pid $pid)"; echo "SOLR_URL=$(cat "$dir/url")"; echo "SOLR_URLS=$(cat "$dir/urls")"
  elif [ -n "$pid" ]; then
    echo "starting (pid $pid)"; exit 1
  else
    echo "not running"; exit 3
  fi
}

nodes() {
  [ -n "$(running_pid)" ] && [ -f "$dir/nodes" ] || { echo "no local SolrCloud is running" >&2; exit 3; }
  cat "$dir/nodes"
}

node() { # node stop|kill|start N: asks the launcher, then waits until it has acted
  local action="${1:-}" n="${2:-}"
  [[ "$action" =~ ^(stop|kill|start)$ && "$n" =~ ^[1-9][0-9]?$ ]] \
    || { echo "usage: local.sh node stop|kill|start N" >&2; exit 2; }
  [ -n "$(running_pid)" ] || { echo "no local SolrCloud is running" >&2; exit 3; }
  grep -q "^$n " "$dir/nodes" || { echo "the cluster has no node $n" >&2; exit 2; }
  : >"$dir/control/$action-$n"
  local waited=0
  while [ -f "$dir/control/$action-$n" ]; do
    [ "$waited" -ge 1500 ] && { echo "node $n did not $action in 150 s (log: $dir/cluster.log)" >&2; exit 1; }
    sleep 0.1; waited=$((waited + 1))
  done
  nodes
}

case "${1:-}" in
  start) shift; start "$@" ;;
  node) shift; node "$@" ;;
  nodes) nodes ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: bash src/solrcloud/local.sh start [--nodes N] | status | stop | nodes | node stop|kill|start N" >&2; exit 2 ;;
esac
