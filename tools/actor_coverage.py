#!/usr/bin/env python3
"""tools/actor_coverage.py -- how many gold actors the actor finder finds.

Reads the team's gold files at run time (default ../shared/eval/*.gold.jsonl with
their *.input.jsonl), builds tools/actor_probe.c against the objects of a build
directory, runs it on every article, and for each gold event party checks
whether an actor with the same (country, sector) was found inside the event's
evidence sentence.  Prints the gold entity names with hit counts, the misses,
and the coverage figure.  Then the same on the OEDA sentences of gsr-dev/ whose
annotators marked actor spans with a role: an actor found over the span with
the same sector (and country, when they gave one).

    make B=build-act build-act/unit && python3 tools/actor_coverage.py --build build-act
"""
import argparse, collections, glob, json, os, subprocess, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default='build')
    ap.add_argument('--eval', default=os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'eval'))
    ap.add_argument('--misses', action='store_true', help='list every missed party with its sentence')
    a = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    objs = [os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(root, a.build, 'obj', 'src'))
            for f in fs if f.endswith('.o') and '/cli' not in dp]
    probe = os.path.join(root, a.build, 'actor_probe')
    libs = '-lstemmer -lutf8proc -lgumbo -lcjson -lsqlite3 -lz -lpthread -lm'.split()
    subprocess.check_call(['cc', '-std=c11', '-D_GNU_SOURCE', '-O1', '-g',
                           '-I' + os.path.join(root, a.build, 'gen'),
                           '-DRASD_DATA_DIR="%s"' % os.path.join(root, 'data'),
                           os.path.join(root, 'tools', 'actor_probe.c'), '-o', probe] + objs + libs)
    arts, gold = [], {}
    for gf in sorted(glob.glob(os.path.join(a.eval, '*.gold.jsonl'))):
        inp = gf.replace('.gold.jsonl', '.input.jsonl')
        texts = {}
        for line in open(inp, encoding='utf-8'):
            r = json.loads(line)
            texts[r['id']] = (r.get('date') or '', r['text'])
        for line in open(gf, encoding='utf-8'):
            g = json.loads(line)
            if g['id'] in texts:
                date, text = texts[g['id']]
                arts.append((g['id'], date or g.get('published') or '', text, g))
    feed = ''.join('%s\t%s\n' % (d, t.replace('\n', '\x01')) for _, d, t, _ in arts)
    out = subprocess.run([probe, os.path.join(root, 'data')], input=feed.encode(), stdout=subprocess.PIPE,
                         check=True).stdout.decode().split('\n')
    names = collections.Counter(); hitn = collections.Counter()
    total = hits = hits2 = 0; misses = []
    for (aid, _, text, g), line in zip(arts, out):
        acts = [r.split('\t') for r in line.split('\x1e') if r]
        tb = text.encode()
        for ev in g.get('events', []):
            evb = (ev.get('evidence') or '').encode()
            s = tb.find(evb[:200])
            if s < 0:
                continue
            e = s + len(evb)
            inside = [x for x in acts if int(x[0]) >= s and int(x[1]) <= e]
            found = {(x[3], x[4]) for x in inside}
            # as the event coder uses them: a bare state may act as MIL (actor.h)
            found2 = found | {(x[3], 'MIL') for x in inside if x[5].endswith(' state')}
            for side in ('actor', 'recipient'):
                for p in ev.get(side) or []:
                    names[p['entity_name']] += 1
                    total += 1
                    # an empty country is the place's country, filled by the coder
                    loc = (ev.get('location') or {}).get('country')
                    ok = (p['country'], p['sector']) in found or \
                         (p['country'] == loc and ('', p['sector']) in found)
                    hits += ok
                    hits2 += ok or (p['country'], p['sector']) in found2
                    hitn[p['entity_name']] += ok
                    if not ok:
                        misses.append((aid, side, p, sorted(found), ev['evidence'][:160]))
    for n, c in names.most_common():
        print('%3d/%-3d %s' % (hitn[n], c, n))
    if a.misses:
        for m in misses:
            print('MISS', m[0], m[1], '%s|%s|%s' % (m[2]['entity_name'], m[2]['country'], m[2]['sector']),
                  'found=', m[3], '::', m[4])
    print('coverage: %d/%d gold parties (%.1f%%) have an actor with the same (country, sector) '
          'in their evidence sentence' % (hits, total, 100.0 * hits / max(total, 1)))
    print('coverage with states switched to MIL where the event needs it: %d/%d (%.1f%%)'
          % (hits2, total, 100.0 * hits2 / max(total, 1)))
    gsr(probe, root, a.eval)

def gsr(probe, root, evaldir):
    rows = []
    for f in sorted(glob.glob(os.path.join(evaldir, 'gsr-dev', '*.jsonl'))):
        rows += [r for r in map(json.loads, open(f, encoding='utf-8')) if r.get('spans')]
    if not rows:
        return
    feed = ''.join('2010-01-01\t%s\n' % r['text'].replace('\n', '\x01') for r in rows)
    out = subprocess.run([probe, os.path.join(root, 'data')], input=feed.encode(), stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, check=True).stdout.decode().split('\n')
    tot = hit = 0
    for r, line in zip(rows, out):
        acts = [x.split('\t') for x in line.split('\x1e') if x]
        tb = r['text'].encode()
        for sp in r['spans']:
            for side, role in (('source_actor', 'source_role'), ('target_actor', 'target_role')):
                words, ro = sp.get(side) or [], sp.get(role) or {}
                if not isinstance(ro, dict) or not words or ro.get('role') in (None, 'None', ''):
                    continue
                main, sec, ok = ro.get('main'), ro['role'], False
                for x in acts:
                    surf = tb[int(x[0]):int(x[1])].decode('utf-8', 'replace')
                    if any(w in surf or surf in w for w in words):
                        ok = ok or (x[4] == sec and (main in (None, 'None') or x[3] in (main, '')))
                tot += 1
                hit += ok
    print('gsr-dev: %d/%d annotated actor spans (%.1f%%) have an actor with their sector (and country)'
          % (hit, tot, 100.0 * hit / max(tot, 1)))

if __name__ == '__main__':
    main()
