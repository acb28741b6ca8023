"""Item pipelines: validate -> deduplicate -> write.

    validate.py   every record against scraper/schemas/<type>.schema.json;
                  invalid ones go to rejects.jsonl with the reason
    dedupe.py     one record per (type, id): list entries and the item's own
                  page merged, on disk (memory stays flat on big portals)
    jsonl.py      JSON Lines files, written under a temporary name and moved
                  into place
    manifest.py   manifest.json: what the run did, from the crawl stats
    run.py        the run directory that ties them together, and `latest`
"""
