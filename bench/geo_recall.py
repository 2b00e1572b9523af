#!/usr/bin/env python3
# bench/geo_recall.py -- gold place-name report for the gazetteer (evaluation only,
# not part of the build).  For every event location with coordinates in
# ../shared/eval/*.gold.jsonl, does `rasd annotate` on that article find a place
# mention resolving within 10 km?  Prints found/total, per file and overall, and
# lists the misses with -v.
#   python3 bench/geo_recall.py [--rasd build/rasd] [--eval ../shared/eval] [-v]
import argparse, glob, json, math, os, subprocess, sys

def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rasd', default='build/rasd')
    ap.add_argument('--eval', default='../shared/eval')
    ap.add_argument('-v', action='store_true')
    a = ap.parse_args()
    if not os.path.isdir(a.eval):
        print('geo_recall: %s is not here: nothing to measure' % a.eval); return 0
    tot_f = tot_n = tot_any = 0
    for gold in sorted(glob.glob(os.path.join(a.eval, '*.gold.jsonl'))):
        inp = gold.replace('.gold.jsonl', '.input.jsonl')
        if not os.path.exists(inp): continue
        out = subprocess.run([a.rasd, 'annotate', '-q', inp], capture_output=True, text=True).stdout
        places = {}
        for line in out.splitlines():
            r = json.loads(line)
            places[r['article_id']] = r['places']
        f = n = anyn = 0
        for line in open(gold, encoding='utf-8'):
            g = json.loads(line)
            seen = set()
            for e in g['events']:
                loc = e.get('location')
                if not loc or loc.get('lat') is None: continue
                key = (loc['name_ar'], round(loc['lat'], 3), round(loc['lon'], 3))
                if key in seen: continue  # one place counted once per article
                seen.add(key)
                n += 1
                ps = places.get(g['id'], [])
                hit = [p for p in ps if p.get('resolved') and km((p['lat'], p['lon']), (loc['lat'], loc['lon'])) <= 10]
                named = [p for p in ps if loc['name_ar'].replace('محافظة ', '') in p['text'] or p['text'] in loc['name_ar']]
                f += bool(hit); anyn += bool(hit or named)
                if a.v and not hit:
                    got = ['%s->%s(%s,%s)' % (p['text'], p.get('name'), p.get('lat'), p.get('lon')) for p in named]
                    print('  miss %s: %s (%s, %s %s) %s' % (g['id'], loc['name_ar'], loc.get('name'), loc['lat'], loc['lon'], '; '.join(got)))
        print('%s: %d/%d gold places found within 10 km (%d/%d mentioned)' % (os.path.basename(gold), f, n, anyn, n))
        tot_f += f; tot_n += n; tot_any += anyn
    print('geo_recall: %d/%d gold places found within 10 km (%.0f%%)' % (tot_f, tot_n, 100.0 * tot_f / max(1, tot_n)))
    return 0

if __name__ == '__main__':
    sys.exit(main())
