"""`-o table` of `flux policy generate`: one row per definition, with the file it was written to when
--output-dir was given."""


def generated_table(result):
    if "files" in result:
        return [{"File": path} for path in result["files"]]
    rows = [{"Kind": "Definition", "Name": d["name"], "Parameters": len(d["parameters"])}
            for d in result["definitions"]]  # fmt: skip
    initiative = result["initiative"]
    rows.append({"Kind": "Initiative", "Name": initiative["name"], "Parameters": len(initiative["parameters"])})
    return rows
