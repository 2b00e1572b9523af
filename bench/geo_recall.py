#!/usr/bin/env python3
# bench/geo_recall.py -- gold place-name report for the gazetteer (evaluation only,
# not part of the build).  For every event location with coordinates in
# ../shared/eval/*.gold.jsonl, does `rasd annotate` on that article find a place
# mention resolving within 10 km?  Prints found/total, per file and overall, and
# lists the misses with -v.  A second, stricter figure: the mention is in the sentence the
# gold event quotes as evidence (what the event coder needs).
#   python3 bench/geo_recall.py [--rasd build/rasd] [--eval ../shared/eval] [-v]
import argparse, glob, json, math, os, subprocess, sys, tempfile

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
    tot_f = tot_n = tot_any = tot_ef = tot_en = 0
    for gold in sorted(glob.glob(os.path.join(a.eval, '*.gold.jsonl'))):
        inp = gold.replace('.gold.jsonl', '.input.jsonl')
        if not os.path.exists(inp): continue
        out = subprocess.run([a.rasd, 'annotate', '-q', inp], capture_output=True, text=True).stdout
        places, texts = {}, {}
        for line in out.splitlines():
            r = json.loads(line)
            places[r['article_id']] = r['places']
        for line in open(inp, encoding='utf-8'):
            r = json.loads(line)
            texts[r['id']] = r.get('text', '')
        f = n = anyn = 0
        ev_f = ev_n = 0
        for line in open(gold, encoding='utf-8'):
            g = json.loads(line)
            seen = set()
            text = texts.get(g['id'], '').encode('utf-8')
            for e in g['events']:
                loc = e.get('location')
                if not loc or loc.get('lat') is None: continue
                ev = (e.get('evidence') or '').encode('utf-8')
                at = text.find(ev) if ev else -1
                if at >= 0:
                    ev_n += 1
                    ps = places.get(g['id'], [])
                    ev_f += any(p.get('resolved') and at <= p['span'][0] < at + len(ev)
                                and km((p['lat'], p['lon']), (loc['lat'], loc['lon'])) <= 10 for p in ps)
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
        print('%s: %d/%d gold places found within 10 km (%d/%d mentioned); in the evidence sentence: %d/%d events'
              % (os.path.basename(gold), f, n, anyn, n, ev_f, ev_n))
        tot_f += f; tot_n += n; tot_any += anyn; tot_ef += ev_f; tot_en += ev_n
    score = os.path.join(a.eval, 'score.py')
    for gold in sorted(glob.glob(os.path.join(a.eval, '*.gold.jsonl'))):
        inp = gold.replace('.gold.jsonl', '.input.jsonl')
        if not (os.path.exists(inp) and os.path.exists(score)): continue
        with tempfile.NamedTemporaryFile('w+', suffix='.jsonl') as ev:
            subprocess.run([a.rasd, 'code', '-q', inp], stdout=ev, stderr=subprocess.DEVNULL)
            ev.flush()
            if os.path.getsize(ev.name) == 0: continue
            out = subprocess.run([sys.executable, score, 'articles', '--events', ev.name, '--gold', gold],
                                 capture_output=True, text=True).stdout.strip().splitlines()
            try: summary = json.loads(out[-1])
            except (IndexError, ValueError): continue
            if 'location_10km' in summary:
                print('%s: events location_10km %.3f (matched events: tp=%d)' % (os.path.basename(gold), summary['location_10km'], summary.get('tp', 0)))
    print('geo_recall: %d/%d gold places found within 10 km (%.0f%%); %d/%d events with the place in their evidence sentence (%.0f%%)'
          % (tot_f, tot_n, 100.0 * tot_f / max(1, tot_n), tot_ef, tot_en, 100.0 * tot_ef / max(1, tot_en)))
    return 0

if __name__ == '__main__':
    sys.exit(main())
