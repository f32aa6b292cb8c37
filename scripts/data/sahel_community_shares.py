#!/usr/bin/env python3
"""Regional community shares for scenarios/sahel/world.yaml, re-runnable.

No public table of Mali's ethnic groups by region was at hand, so the shares are an assumption
built in two steps, both visible here:
1. a qualitative prior per region (Nations Encyclopedia, "Mali - ethnic groups": Malinke in the
   west, Senufo/Minianka in Sikasso, Peul and Dogon in Mopti, Songhai along the Niger, Tuareg and
   Moors in the north), written as rough shares;
2. raking (iterative proportional fitting) so that the population-weighted sum over regions
   reproduces the national shares (CIA World Factbook, Mali, ethnic groups, 2018 est.; Arab and
   Daoussahak carved out of "other Malian" as assumptions), with the 2009 census populations.

Usage: scripts/data/sahel_community_shares.py   (prints the shares per region, rows sum to 1)
"""

REGIONS = ["Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal",
           "Bamako"]
COMMUNITIES = ["Bambara", "Fulani", "Dogon", "Songhai", "Tuareg", "Arab", "Soninke", "Senufo",
               "Malinke", "Bobo", "Daoussahak", "other"]

# Mali 2009 census (RGPH 2009, final figures), as in scenarios/sahel/world.yaml.
POPULATION_2009 = {"Kayes": 1993615, "Koulikoro": 2422108, "Sikasso": 2643179, "Ségou": 2338349,
                   "Mopti": 2036209, "Tombouctou": 674793, "Gao": 542304, "Kidal": 67739,
                   "Bamako": 1810366}

# CIA World Factbook, Mali (2018 est.); Arab 1% and Daoussahak 0.2% are assumptions carved out of
# "other Malian"; "other" takes the rest.
NATIONAL = {"Bambara": .333, "Fulani": .133, "Soninke": .098, "Senufo": .096, "Malinke": .088,
            "Dogon": .087, "Songhai": .059, "Bobo": .021, "Tuareg": .017, "Arab": .010,
            "Daoussahak": .002}
NATIONAL["other"] = round(1 - sum(NATIONAL.values()), 3)

# The qualitative prior, in COMMUNITIES order.
PRIOR = {
    "Kayes":      [.15, .15, 0, 0, 0, .01, .35, 0, .20, 0, 0, .14],
    "Koulikoro":  [.60, .08, .01, 0, 0, .01, .08, .01, .12, 0, 0, .09],
    "Sikasso":    [.25, .07, .01, 0, 0, 0, .02, .45, .08, .04, 0, .08],
    "Ségou":      [.55, .10, .02, .01, .005, .005, .08, .02, .02, .08, 0, .07],
    "Mopti":      [.10, .30, .35, .05, .02, .005, .03, 0, 0, .03, 0, .115],
    "Tombouctou": [.04, .10, 0, .45, .25, .10, .01, 0, 0, 0, 0, .05],
    "Gao":        [.03, .10, 0, .55, .20, .04, 0, 0, 0, 0, .05, .03],
    "Kidal":      [.01, 0, 0, .05, .80, .12, 0, 0, 0, 0, 0, .02],
    "Bamako":     [.45, .10, .04, .05, .005, .005, .10, .05, .10, .02, 0, .08],
}


def rake(iterations=2000):
    total = sum(POPULATION_2009.values())
    m = {r: list(PRIOR[r]) for r in REGIONS}
    for _ in range(iterations):
        for r in REGIONS:  # each region's shares sum to 1
            s = sum(m[r])
            m[r] = [x / s for x in m[r]]
        for j, c in enumerate(COMMUNITIES):  # each community matches its national share
            current = sum(POPULATION_2009[r] * m[r][j] for r in REGIONS) / total
            for r in REGIONS:
                m[r][j] *= NATIONAL[c] / current
    for r in REGIONS:
        s = sum(m[r])
        v = [round(x / s, 4) for x in m[r]]
        k = max(range(len(v)), key=lambda j: v[j])  # rounding remainder on the largest share
        v[k] = round(v[k] + 1 - sum(v), 4)
        m[r] = v
    return m


if __name__ == "__main__":
    shares = rake()
    print("region," + ",".join(COMMUNITIES))
    for r in REGIONS:
        print(r + "," + ",".join(f"{x:.4f}" for x in shares[r]))
