#!/bin/bash
# A scripted network device for net-snmp's pass_persist: one WAN interface (ifIndex 1) whose
# octet counters grow at a known rate from the moment written in $1/boot, so a test knows the
# truth at any instant. Files in $1: mode (64 = ifXTable with ifHC counters, 32 = only the
# 32-bit ifTable counters), rate_in/rate_out (bytes/s), base_in/base_out (value at boot),
# descr, name, speed (bps), boot (epoch seconds with microseconds). Optional: state, which a
# test rewrites while the agent runs (read at every request, with the read builtin: no fork),
# "<ifOperStatus> <traffic>": "1 1" up and counting (the default without the file), "2 0" down,
# "1 0" up without traffic; while traffic is 0 the counters stand still, and go on from there after.
D="$1"
# Read once: the script is restarted with the agent (a reboot rewrites "boot" first), and
# reading files per request would fork and slow every answer.
boot=$(<"$D/boot"); ri=$(<"$D/rate_in"); ro=$(<"$D/rate_out")
bi=$(<"$D/base_in"); bo=$(<"$D/base_out"); mode=$(<"$D/mode")
descr=$(<"$D/descr"); name=$(<"$D/name"); speed=$(<"$D/speed")
b=${boot/./}
paused_at=""; paused_total=0
# Fills O (OIDs), T (types) and V (values) for this instant, in OID order, without forking.
oids() {
  local n el in out oper=1 traffic=1
  n=${EPOCHREALTIME/./}
  if [ -f "$D/state" ]; then read -r oper traffic < "$D/state"; fi
  if [ "$traffic" = 0 ]; then
    [ -z "$paused_at" ] && paused_at=$n
    n=$paused_at
  elif [ -n "$paused_at" ]; then
    paused_total=$(( paused_total + n - paused_at )); paused_at=""
  fi
  el=$(( n - b - paused_total ))
  in=$(( bi + ri * el / 1000000 )); out=$(( bo + ro * el / 1000000 ))
  O=(.1.3.6.1.2.1.2.2.1.1.1 .1.3.6.1.2.1.2.2.1.2.1 .1.3.6.1.2.1.2.2.1.5.1 .1.3.6.1.2.1.2.2.1.8.1 .1.3.6.1.2.1.2.2.1.10.1 .1.3.6.1.2.1.2.2.1.16.1)
  T=(integer string gauge integer counter counter)
  V=(1 "$descr" "$speed" "$oper" $(( in & 4294967295 )) $(( out & 4294967295 )))
  if [ "$mode" = 64 ]; then
    O+=(.1.3.6.1.2.1.31.1.1.1.1.1 .1.3.6.1.2.1.31.1.1.1.6.1 .1.3.6.1.2.1.31.1.1.1.10.1 .1.3.6.1.2.1.31.1.1.1.15.1 .1.3.6.1.2.1.31.1.1.1.19.1)
    T+=(string counter64 counter64 gauge timeticks)
    V+=("$name" "$in" "$out" $(( speed / 1000000 )) 0)
  fi
}
# OIDs compare component by component: pad each to 10 digits and compare as strings.
key() { local IFS=. k="" c; for c in $1; do [ -n "$c" ] && printf -v c '%010d.' "$c" && k+=$c; done; REPLY=$k; }
while read -r cmd; do
  case "$cmd" in
    PING) echo PONG ;;
    get|getnext)
      read -r oid
      oids
      key "$oid"; req=$REPLY
      found=""
      for i in "${!O[@]}"; do
        if [ "$cmd" = get ]; then
          [ "${O[$i]}" = "$oid" ] && found=$i && break
        else
          key "${O[$i]}"
          [[ "$REPLY" > "$req" ]] && found=$i && break
        fi
      done
      if [ -n "$found" ]; then printf '%s\n%s\n%s\n' "${O[$found]}" "${T[$found]}" "${V[$found]}"; else echo NONE; fi
      ;;
    set) read -r oid; read -r val; echo not-writable ;;
    "") exit 0 ;;
  esac
done
