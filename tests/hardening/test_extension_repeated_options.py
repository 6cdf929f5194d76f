"""--remove-settings and --remove-protected-settings can be repeated, like --configuration-settings: a
repeated option used to keep only its last occurrence, so the other settings silently stayed."""


def test_repeated_remove_options_remove_every_named_setting(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor "
        "--config a=1 --config b=2 c=3 --config-protected-settings p1=x p2=y -o none")
    _, body = cluster.get("extensions", "monitor")
    assert body["properties"]["configurationSettings"] == {"a": "1", "b": "2", "c": "3"}

    result = cli(f"k8s-extension update {cluster.args} -n monitor --remove-settings a --remove-settings b "
                 "--remove-protected-settings p1 --remove-protected-settings p2 --yes")
    assert result.json["configurationSettings"] == {"c": "3"}
    assert result.json["configurationProtectedSettings"] in ({}, None)
