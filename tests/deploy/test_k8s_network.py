"""NetworkPolicies cover every pod, and the ways in carry automated TLS."""

from __future__ import annotations

from tests.deploy.manifests import Doc, of_kind, one, pod_templates, selects

CONTROLLER_NAMESPACES = {"ingress-nginx", "envoy-gateway-system"}
MONITORING_NAMESPACE = "monitoring"
NAMESPACE_NAME = "kubernetes.io/metadata.name"


def _policies(docs: tuple[Doc, ...], pod_labels: dict[str, str], kind: str) -> list[Doc]:
    return [
        p
        for p in of_kind(docs, "NetworkPolicy")
        if kind in p["spec"]["policyTypes"] and selects(p["spec"]["podSelector"], pod_labels)
    ]


def test_default_deny_in_both_directions(docs: tuple[Doc, ...]) -> None:
    deny = [
        p
        for p in of_kind(docs, "NetworkPolicy")
        if p["spec"]["podSelector"] == {}
        and set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"}
        and not p["spec"].get("ingress")
        and not p["spec"].get("egress")
    ]
    assert len(deny) == 1


def test_every_pod_is_selected_by_ingress_and_egress_policies(docs: tuple[Doc, ...]) -> None:
    for name, template in pod_templates(docs):
        labels = template["metadata"]["labels"]
        for kind in ("Ingress", "Egress"):
            # The default deny plus at least one allow policy written for these pods.
            selected = _policies(docs, labels, kind)
            assert any(p["spec"]["podSelector"] == {} for p in selected), (name, kind)
            assert any(p["spec"]["podSelector"] != {} for p in selected), (name, kind)


def test_ingress_only_from_the_controller_and_monitoring(docs: tuple[Doc, ...]) -> None:
    sources = set()
    for policy in of_kind(docs, "NetworkPolicy"):
        for rule in policy["spec"].get("ingress", []):
            assert rule.get("from"), f"{policy['metadata']['name']}: a rule open to everyone"
            assert [p["port"] for p in rule["ports"]] == ["http"]
            for peer in rule["from"]:
                assert set(peer) == {"namespaceSelector"}, peer
                sources.add(peer["namespaceSelector"]["matchLabels"][NAMESPACE_NAME])
    assert MONITORING_NAMESPACE in sources
    assert len(sources - {MONITORING_NAMESPACE}) == 1
    assert sources - {MONITORING_NAMESPACE} <= CONTROLLER_NAMESPACES


def test_ingress_source_matches_the_way_in(docs: tuple[Doc, ...]) -> None:
    policy = next(
        p for p in of_kind(docs, "NetworkPolicy") if p["metadata"]["name"].endswith("ingress")
    )
    first = policy["spec"]["ingress"][0]["from"][0]["namespaceSelector"]["matchLabels"]
    expected = "envoy-gateway-system" if of_kind(docs, "HTTPRoute") else "ingress-nginx"
    assert first[NAMESPACE_NAME] == expected


def test_egress_only_dns_and_https(docs: tuple[Doc, ...], env: str) -> None:
    ports = set()
    for policy in of_kind(docs, "NetworkPolicy"):
        for rule in policy["spec"].get("egress", []):
            assert rule.get("to"), policy["metadata"]["name"]
            assert rule.get("ports"), policy["metadata"]["name"]
            rule_ports = {(p["port"], p["protocol"]) for p in rule["ports"]}
            ports |= rule_ports
            if rule_ports <= {(53, "UDP"), (53, "TCP")}:
                # Only the cluster DNS pods (this selector must stay exactly so: a common
                # label transformer would add the app's own labels to it).
                (peer,) = rule["to"]
                assert peer["namespaceSelector"]["matchLabels"] == {NAMESPACE_NAME: "kube-system"}
                assert peer["podSelector"] == {"matchLabels": {"k8s-app": "kube-dns"}}
            else:
                assert rule_ports == {(443, "TCP")}
                for peer in rule["to"]:
                    block = peer["ipBlock"]
                    assert block["cidr"] in {"0.0.0.0/0", "::/0"}
                    if block["cidr"] == "0.0.0.0/0":
                        assert {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"} <= set(
                            block["except"]
                        )
                        assert any(e.startswith("169.254.") for e in block["except"])
    # The sandbox's Trello is in-process (loopback): it needs no way out but DNS.
    https = set() if env == "sandbox" else {(443, "TCP")}
    assert ports == {(53, "UDP"), (53, "TCP")} | https


def test_ingress_with_cert_manager_tls(docs: tuple[Doc, ...]) -> None:
    for ingress in of_kind(docs, "Ingress"):
        assert ingress["apiVersion"] == "networking.k8s.io/v1"
        assert ingress["spec"]["ingressClassName"]
        issuer = ingress["metadata"]["annotations"]["cert-manager.io/cluster-issuer"]
        assert issuer.startswith("letsencrypt-")
        hosts = {rule["host"] for rule in ingress["spec"]["rules"]}
        (tls,) = ingress["spec"]["tls"]
        assert set(tls["hosts"]) == hosts
        assert tls["secretName"]
        assert hosts
        service = one(docs, "Service")["metadata"]["name"]
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                assert path["backend"]["service"]["name"] == service


def test_gateway_api_route_with_cert_manager_tls(docs: tuple[Doc, ...]) -> None:
    routes = of_kind(docs, "HTTPRoute")
    if not routes:
        return
    gateway = one(docs, "Gateway")
    assert gateway["metadata"]["annotations"]["cert-manager.io/cluster-issuer"]
    listeners = {listener["name"]: listener for listener in gateway["spec"]["listeners"]}
    https = listeners["https"]
    assert https["protocol"] == "HTTPS"
    assert https["port"] == 443
    assert https["tls"]["mode"] == "Terminate"
    assert https["tls"]["certificateRefs"]
    service = one(docs, "Service")
    service_ports = {p["port"] for p in service["spec"]["ports"]}
    for route in routes:
        assert set(route["spec"]["hostnames"]) == {https["hostname"]}
        for parent in route["spec"]["parentRefs"]:
            assert parent["name"] == gateway["metadata"]["name"]
            assert parent["sectionName"] in listeners
        for rule in route["spec"]["rules"]:
            for backend in rule.get("backendRefs", []):
                assert backend["name"] == service["metadata"]["name"]
                assert backend["port"] in service_ports
    # Plain HTTP only redirects to HTTPS.
    plain = [r for r in routes if r["spec"]["parentRefs"][0]["sectionName"] == "http"]
    assert plain
    for route in plain:
        for rule in route["spec"]["rules"]:
            assert "backendRefs" not in rule
            assert rule["filters"][0]["requestRedirect"]["scheme"] == "https"
