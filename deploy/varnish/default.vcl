# Varnish 7 in front of Dispatch, purged by Dispatch on every write (docs/decisions/027).
#
# Dispatch names what each page and API answer shows in Surrogate-Key (story, list and section
# keys); this file hands them to the xkey vmod (Debian: apt-get install varnish varnish-modules).
# Set CDN_PURGE_URL=http://<this varnish>/ on every Dispatch server: after each write a server
# sends `PURGE /` with an `xkey` header of the keys it changed, and only the answers that show
# them are dropped. Answers live as long as Dispatch's s-maxage says (CDN_MAX_AGE, 4 hours by
# default when purging) and are served stale for a minute while Varnish fetches a fresh one.
#
#   varnishd -a :80 -f /path/to/default.vcl -s malloc,256m
vcl 4.1;

import xkey;

# Dispatch as shipped: `npm start` on this machine. List more servers with a director if you run several.
backend default {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = {
        .url = "/readyz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: the Dispatch servers. Add their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (!req.http.xkey) {
            return (synth(400, "A PURGE names the keys to drop in an xkey header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.n-gone + " answers"));
    }
    # The change stream is one long answer per reader: never kept, streamed as it comes.
    if (req.url ~ "^/api/events") {
        return (pass);
    }
    # Readers' pages never depend on cookies (Dispatch sets none for them); a cookie some other
    # script on the domain set must not make every request miss.
    if (req.method == "GET" || req.method == "HEAD") {
        unset req.http.cookie;
    }
}

sub vcl_backend_response {
    # xkey reads the keys from the xkey header; Dispatch sends them as Surrogate-Key.
    if (beresp.http.surrogate-key) {
        set beresp.http.xkey = beresp.http.surrogate-key;
    }
}

sub vcl_deliver {
    # The keys are for this cache, not for readers.
    unset resp.http.xkey;
    unset resp.http.surrogate-key;
    unset resp.http.cache-tag;
}
