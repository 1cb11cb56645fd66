# Varnish in front of MediaAdmin's /cdn origin, taking the purges MediaAdmin sends after a delete
# (Cdn:Purge:Provider=Http, Cdn:Purge:Http:EdgeUrl pointing here). Varnish 6 or 7.
#
#   PURGE <path>  with the public Host header  -> drops that one cached object (Cdn:Purge:Http:BanPrefix=false)
#   BAN   <path>  with X-Ban-Prefix: /cdn/media/<id>/  -> drops every object whose path starts with the prefix
#                 on that Host (Cdn:Purge:Http:BanPrefix=true: one request per deleted asset)
#
# Only the addresses in acl purgers may purge: add the host MediaAdmin runs on. Set the backend to
# MediaAdmin's address. Every response says X-Cache: HIT or MISS, so a person (and the tests) can see the cache.
vcl 4.1;

backend mediaadmin {
    .host = "127.0.0.1";
    .port = "5080";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is not allowed from this address"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "BAN is not allowed from this address"));
        }
        # A folder path only: no regular expression can be smuggled into the ban.
        if (req.http.X-Ban-Prefix !~ "^/[A-Za-z0-9/_.-]*/$") {
            return (synth(400, "X-Ban-Prefix must be a folder path such as /cdn/media/<id>/"));
        }
        # Ban arguments are unquoted words: a Host header or a folder path has no space in it.
        ban("obj.http.x-cache-host == " + req.http.host + " && obj.http.x-cache-url ~ ^"
            + regsuball(req.http.X-Ban-Prefix, "\.", "[.]"));
        return (synth(200, "Banned"));
    }
    # Media is public and the same for everyone: a viewer's cookies must not turn the cache off.
    if (req.url ~ "^/cdn/") {
        unset req.http.Cookie;
        unset req.http.Authorization;
    }
}

sub vcl_backend_response {
    # Kept on the object so a ban can match it in the background (the ban lurker has no request).
    set beresp.http.x-cache-host = bereq.http.host;
    set beresp.http.x-cache-url = bereq.url;
    if (beresp.status == 200 && !beresp.http.Cache-Control) {
        set beresp.ttl = 1h;
    }
    if (beresp.status == 404 || beresp.status == 410) {
        set beresp.ttl = 10s;
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.x-cache-host;
    unset resp.http.x-cache-url;
}
