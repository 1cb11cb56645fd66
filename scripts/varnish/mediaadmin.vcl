# Varnish in front of MediaAdmin's /cdn origin, taking the purges MediaAdmin sends after a delete
# (Cdn:Purge:Provider=Http, Cdn:Purge:Http:EdgeUrl pointing here). Varnish 6 or 7.
#
#   PURGE <path>  with the public Host header  -> drops every cached copy of that one file (Cdn:Purge:Http:BanPrefix=false)
#   BAN   <path>  with X-Ban-Prefix: /cdn/media/<id>/  -> drops every object whose path starts with the prefix
#                 on that Host (Cdn:Purge:Http:BanPrefix=true: one request per deleted asset)
#
# URL authentication (Cdn:UrlAuth:PrivateKey): like Alibaba CDN, the cache keeps ONE object per file whatever the
# auth_key, so a PURGE of the plain path drops what every signed URL was served from. Varnish cannot check the MD5
# signature itself, so before serving a /cdn URL it asks the origin with a HEAD of that exact URL (auth_key and all)
# and keeps the answer (the "verdict") for five minutes per URL: an unsigned, expired or tampered URL gets the
# origin's 403 even while the file is cached, and so does a Blocked asset's file within five minutes of blocking.
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
    # Only this VCL sets these: on a restart after the origin allowed the URL (x-edge-allowed), or while asking it (x-verdict).
    if (req.restarts == 0) {
        unset req.http.x-edge-allowed;
    }
    unset req.http.x-verdict;
    # A file's path without its query: the one cache key of a file, whichever signature (or any other parameter a
    # viewer adds) asked for it; the origin serves a /cdn file by its path alone and reads only auth_key.
    set req.http.x-file-url = req.url;
    if (req.url ~ "^/cdn/") {
        set req.http.x-file-url = regsub(req.url, "\?.*$", "");
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is not allowed from this address"));
        }
        if (req.http.x-file-url !~ "^/[A-Za-z0-9/_.~%-]*$") {
            return (synth(400, "PURGE takes a file path such as /cdn/media/<id>/streams/sd.mp4"));
        }
        # The file's object and the verdicts on each signed URL of it, so no viewer's signature still finds a copy.
        ban("obj.http.x-cache-host == " + req.http.host + " && obj.http.x-cache-path == " + req.http.x-file-url);
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
    if (req.url ~ "^/cdn/") {
        # Media is the same for everyone: a viewer's cookies must not turn the cache off.
        unset req.http.Cookie;
        unset req.http.Authorization;
        if ((req.method == "GET" || req.method == "HEAD") && !req.http.x-edge-allowed) {
            set req.http.x-verdict = "1";
        }
    }
}

sub vcl_hash {
    if (req.http.x-verdict) {
        hash_data("verdict");
        hash_data(req.url);
    } else {
        hash_data(req.http.x-file-url);
    }
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.http.x-verdict) {
        set bereq.method = "HEAD";
    }
}

sub vcl_backend_response {
    # Kept on the object so a ban can match it in the background (the ban lurker has no request).
    set beresp.http.x-cache-host = bereq.http.host;
    set beresp.http.x-cache-url = bereq.url;
    set beresp.http.x-cache-path = bereq.http.x-file-url;
    if (bereq.http.x-verdict) {
        if (beresp.status == 200) {
            # A signature is honoured here at most this long after it expires, a Blocked asset's file too.
            set beresp.ttl = 5m;
            set beresp.grace = 0s;
            set beresp.keep = 0s;
        } else {
            set beresp.ttl = 0s;
            set beresp.uncacheable = true;
        }
        return (deliver);
    }
    if (beresp.status == 200 && !beresp.http.Cache-Control) {
        set beresp.ttl = 1h;
    }
    if (beresp.status == 404 || beresp.status == 410) {
        set beresp.ttl = 10s;
    }
}

sub vcl_deliver {
    if (req.http.x-verdict) {
        if (resp.status == 200) {
            set req.http.x-edge-allowed = "1";
            return (restart);
        }
        # The origin's refusal (403, 404 ...), without the bodiless HEAD object it came in.
        return (synth(resp.status, resp.reason));
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.x-cache-host;
    unset resp.http.x-cache-url;
    unset resp.http.x-cache-path;
}

sub vcl_synth {
    if (req.http.x-verdict) {
        # A refusal can end (a fresh signature, the asset unblocked), so no cache may keep it.
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.http.Cache-Control = "no-store";
        set resp.http.X-Cache = "MISS";
        synthetic(resp.reason);
        return (deliver);
    }
}
