#!/usr/bin/env bash
# The benchmark: transcript-search vs raw Lucene (the limit) vs Apache Solr 9.10.1 (the peer).
#   bash src/bench/run.sh [--quick|--full]
# --quick: about 500,000 utterances, within 15 minutes on 2 cores. --full: the NPR Interview corpus's scale
# (3.2 million utterances), reported at three sizes to show how cost grows, then the MediaSum scale (13.9 million
# utterances, 480,000 generated transcripts; our server and Solr only, raw Lucene's ingest is skipped there).
# Every system runs alone (one after another, never concurrently); everything listens on 127.0.0.1 only; every
# process started here is stopped on exit. Writes src/bench/RESULTS.md; the last line printed is the RESULT line.
# Environment: BENCH_WORK (work folder, default /tmp/transcript-search-bench), BENCH_HEAP (default -Xmx2g),
# BENCH_JFR=1 (record the product's ingest and server with Java Flight Recorder into the work folder),
# BENCH_RESULTS_CACHE=N (our results cache's size, 0 for none; the product's default when unset).
set -euo pipefail
mode="${1:---quick}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${BENCH_WORK:-/tmp/transcript-search-bench}"
heap="${BENCH_HEAP:--Xmx2g}"
seed=42
product_port=17171
solr_port=18983

case "$mode" in
  --quick) sizes=(17300); load=(-Dbench.warm=3000 -Dbench.requests1=400 -Dbench.requests8=1200 -Dbench.maxSeconds=60) ;;
  --full) sizes=(37000 74000 111000 480000); load=(-Dbench.warm=3000 -Dbench.requests1=800 -Dbench.requests8=2400 -Dbench.maxSeconds=120) ;;
  *) echo "usage: bash src/bench/run.sh [--quick|--full]" >&2; exit 2 ;;
esac
# BENCH_TRANSCRIPTS="N ..." replaces the sizes (a quick smoke test of the script itself).
[ -n "${BENCH_TRANSCRIPTS:-}" ] && read -r -a sizes <<<"$BENCH_TRANSCRIPTS"
# BENCH_RESULTS_CACHE=N: our results cache's size per snapshot (serve --results-cache N, the same in process);
# unset, the product's default. Solr keeps its stock caches either way.
cache_opt=(); cache_prop=()
if [ -n "${BENCH_RESULTS_CACHE:-}" ]; then
  cache_opt=(--results-cache "$BENCH_RESULTS_CACHE"); cache_prop=("-Dbench.resultsCache=$BENCH_RESULTS_CACHE")
fi

# --- one JDK for every JVM: the newest 21+ under /usr/lib/jvm (JDK 25 on this machine) ---
jdk=""; best=0
for c in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  [ -x "$c/bin/java" ] && [ -f "$c/release" ] || continue
  m="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$c/release")"
  if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best" ]; then jdk="$c"; best="$m"; fi
done
[ -n "$jdk" ] || { echo "needs a JDK 21 or newer under /usr/lib/jvm or JAVA_HOME" >&2; exit 2; }
java="$jdk/bin/java"
jopts=("$heap" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)

# --- every process started here is stopped on exit ---
pids=()
stop() { # stop PID: SIGTERM, wait up to 60 s, then SIGKILL
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() { local p; for p in "${pids[@]}"; do stop "$p"; done; }
trap cleanup EXIT INT TERM
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }
hwm_mb() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
# `transcript-search serve` is the script's shell waiting for the server's JVM and a filter of its errors (awk): its
# memory is that of all three (the shell's children, by parent pid), and the server is the child named java.
tree_hwm_mb() { # tree_hwm_mb PID: VmHWM of PID plus its children's, MB
  local total child
  total="$(hwm_mb "$1")"
  for child in $(pgrep -P "$1" || true); do total=$((total + $(hwm_mb "$child"))); done
  echo "$total"
}
server_pid() { local child; child="$(pgrep -x -P "$1" java | head -n 1 || true)"; echo "${child:-$1}"; }
# The resident set at the end, split: anonymous (heap, metaspace, code, thread stacks) and file-backed (index pages
# mapped by MMapDirectory, jars): both systems map the same size of index, so the anonymous part tells them apart.
rss_split() { # rss_split PID PREFIX: appends PREFIX_rss_anon_mb and PREFIX_rss_file_mb to $env
  awk -v p="$2" '/RssAnon/ { printf "%s_rss_anon_mb=%d\n", p, $2 / 1024 } /RssFile/ { printf "%s_rss_file_mb=%d\n", p, $2 / 1024 }' "/proc/$1/status" >>"$env"
}
size_mb() { du -sb "$1" | awk '{ printf "%d", $1 / 1048576 }'; }

# --- build: the product jar, the harness (javac against the product jar), the Solr launcher (its own Maven build) ---
mkdir -p "$work"
jar="$root/target/transcript-search.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  log "building the product jar"
  (cd "$root" && JAVA_HOME="$jdk" mvn -q -B -DskipTests package)
fi
harness="$work/harness"
rm -rf "$harness" && mkdir -p "$harness"
"$jdk/bin/javac" -nowarn -d "$harness" -cp "$jar" $(find "$here/lucene/src" -name '*.java')
bench=("$java" "${jopts[@]}" -cp "$harness:$jar" org.transcriptsearch.bench.Bench)
if [ ! -f "$here/solr/target/classpath.txt" ] || [ -n "$(find "$here/solr/src" "$here/solr/pom.xml" -newer "$here/solr/target/classpath.txt" -print -quit)" ]; then
  log "building the Solr launcher (src/bench/solr)"
  (cd "$here/solr" && JAVA_HOME="$jdk" mvn -q -B -DskipTests package)
fi
solr_cp="$here/solr/target/classes:$(cat "$here/solr/target/classpath.txt")"

start_solr() { # start_solr HOME LOG: starts Solr in the background, sets solr_pid
  "$java" "${jopts[@]}" -cp "$solr_cp" org.transcriptsearch.bench.solr.SolrServer "$1" "$solr_port" >"$2" 2>&1 &
  solr_pid=$!; pids+=("$solr_pid")
}

dirs=()
for n in "${sizes[@]}"; do
  out="$work/$n"; dirs+=("$out")
  rm -rf "$out/product-index" "$out/lucene-index" "$out/solr-home" "$out/results.json" "$out/answers-"* "$out/metrics.env" "$out/"*.jfr
  mkdir -p "$out"
  env="$out/metrics.env"
  {
    echo "command=${BENCH_TRANSCRIPTS:+BENCH_TRANSCRIPTS=\"$BENCH_TRANSCRIPTS\" }bash src/bench/run.sh $mode"
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "nproc=$(nproc)"
    echo "loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "mem_total_gb=$(free -g | awk '/^Mem:/ { print $2 }')"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
    echo "jdk=$("$java" -version 2>&1 | head -n 1)"
    echo "heap=$heap"
    echo "seed=$seed"
    echo "results_cache=${BENCH_RESULTS_CACHE:-default}"
    echo "transcripts=$n"
  } >"$env"

  # --- corpus (not timed): generated once per size with a fixed seed; Solr documents prepared with the product's pipeline ---
  corpus="$out/corpus/transcripts.jsonl"
  # (each written beside its place and moved there whole, so a run stopped halfway leaves no half file to reuse)
  if [ ! -f "$corpus" ]; then
    log "generating $n transcripts"
    rm -rf "$out/corpus.part"
    "$java" "$heap" -jar "$jar" generate --transcripts "$n" --out "$out/corpus.part" --format jsonl --seed "$seed" >&2
    rm -rf "$out/corpus" && mv "$out/corpus.part" "$out/corpus"
  fi
  if [ ! -f "$out/solr-docs.jsonl" ] || [ "$corpus" -nt "$out/solr-docs.jsonl" ]; then
    log "preparing Solr documents"
    "${bench[@]}" solr-docs "$corpus" "$out/solr-docs.jsonl.part" >&2
    mv "$out/solr-docs.jsonl.part" "$out/solr-docs.jsonl"
  fi
  utterances="$(wc -l <"$out/solr-docs.jsonl")"
  echo "utterances=$utterances" >>"$env"
  sync

  # --- 1. transcript-search: the real CLI, end to end, started as users start it (./transcript-search, which
  #     adds the product's own JVM options; the heap limit is the benchmark's, as for every JVM) ---
  log "ingest: transcript-search index ($utterances utterances)"
  jfr_index=(); jfr_serve=()
  if [ "${BENCH_JFR:-0}" = 1 ]; then
    jfr_index=("-XX:StartFlightRecording=filename=$out/index-%p.jfr,settings=profile")
    jfr_serve=("-XX:StartFlightRecording=filename=$out/serve-%p.jfr,settings=profile")
  fi
  t0="$(now_ms)"
  TRANSCRIPT_SEARCH_JAVA_OPTS="$heap ${jfr_index[*]}" JAVA_HOME="$jdk" "$root/transcript-search" index --index "$out/product-index" --format jsonl "$corpus" >&2
  t1="$(now_ms)"
  secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1000 }')"
  echo "product_ingest_seconds=$secs" >>"$env"
  echo "product_ingest_per_s=$(awk -v u="$utterances" -v s="$secs" 'BEGIN { printf "%.1f", u / s }')" >>"$env"
  echo "product_index_mb=$(size_mb "$out/product-index")" >>"$env"
  sync

  # --- 2. raw Lucene: prebuilt documents, only addDocuments + commit timed (not at the MediaSum scale) ---
  if [ "$n" -le 111000 ]; then
    log "ingest: raw Lucene"
    "${bench[@]}" lucene-ingest "$corpus" "$out/lucene-index" "$(nproc)" "$out/results.json" >&2
    echo "lucene_index_mb=$(size_mb "$out/lucene-index")" >>"$env"
    rm -rf "$out/lucene-index"
    sync
  fi

  # --- 3. Solr: fed through its update API, then stopped ---
  log "ingest: Solr"
  cp -r "$here/solr/home" "$out/solr-home"
  start_solr "$out/solr-home" "$out/solr-feed.log"
  "${bench[@]}" wait "http://127.0.0.1:$solr_port/solr/transcripts/select?q=*:*" "$(now_ms)" "$out/results.json" solr_empty_start_ms >&2
  "${bench[@]}" solr-feed "http://127.0.0.1:$solr_port/solr/transcripts" "$out/solr-docs.jsonl" "$(nproc)" "$out/results.json" >&2
  stop "$solr_pid"
  echo "solr_index_mb=$(size_mb "$out/solr-home/transcripts/data")" >>"$env"
  sync

  # --- the query mixes, with filter values read from the product's index: the fixed one and the realistic one ---
  "${bench[@]}" mix "$out/product-index" "$out/mix.tsv" >&2
  "${bench[@]}" realistic-mix "$out/product-index" "$out/mix-realistic.tsv" "$seed" >&2
  mixes=("$out/mix.tsv" "$out/mix-realistic.tsv")

  # --- queries: transcript-search over HTTP ---
  log "queries: transcript-search serve"
  t0="$(now_ms)"
  TRANSCRIPT_SEARCH_JAVA_OPTS="$heap ${jfr_serve[*]}" JAVA_HOME="$jdk" "$root/transcript-search" serve --index "$out/product-index" --port "$product_port" "${cache_opt[@]}" >"$out/serve.log" 2>&1 &
  serve_pid=$!; pids+=("$serve_pid")
  "${bench[@]}" wait "http://127.0.0.1:$product_port/api/search?q=people" "$t0" "$out/results.json" product_first_answer_ms >&2
  "$java" "${jopts[@]}" "${load[@]}" "-Dbench.serverPid=$(server_pid "$serve_pid")" -cp "$harness:$jar" org.transcriptsearch.bench.Bench load product "http://127.0.0.1:$product_port" "${mixes[@]}" "$out" >&2
  echo "product_rss_mb=$(tree_hwm_mb "$serve_pid")" >>"$env"
  rss_split "$(server_pid "$serve_pid")" product
  stop "$serve_pid"

  # --- queries: in process (the product's SearchService in the harness JVM, with the collector and young generation
  #     that `serve` runs with (cli/Relaunch.java), so the two differ by the HTTP layer only) ---
  log "queries: in-process"
  "$java" "${jopts[@]}" -XX:+UseSerialGC -Xmn24m "${load[@]}" "${cache_prop[@]}" -cp "$harness:$jar" org.transcriptsearch.bench.Bench load inprocess "$out/product-index" "${mixes[@]}" "$out" >&2

  # --- queries: Solr over HTTP, restarted on its index ---
  log "queries: Solr"
  t0="$(now_ms)"
  start_solr "$out/solr-home" "$out/solr-query.log"
  "${bench[@]}" wait "http://127.0.0.1:$solr_port/solr/transcripts/select?q=people&df=text" "$t0" "$out/results.json" solr_first_answer_ms >&2
  "$java" "${jopts[@]}" "${load[@]}" "-Dbench.serverPid=$solr_pid" -cp "$harness:$jar" org.transcriptsearch.bench.Bench load solr "http://127.0.0.1:$solr_port/solr/transcripts" "${mixes[@]}" "$out" >&2
  echo "solr_rss_mb=$(hwm_mb "$solr_pid")" >>"$env"
  rss_split "$solr_pid" solr
  stop "$solr_pid"
done

# The load average at the end too: the machine may be shared, and the figures measure what else ran.
echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"${dirs[0]}/metrics.env"
echo "ended=$(date -u '+%Y-%m-%d %H:%M UTC')" >>"${dirs[0]}/metrics.env"
"${bench[@]}" report "$here/RESULTS.md" "$here/FINDINGS.md" "${dirs[@]}"
