"""Access matrix rows of investor relations, and of the requester ticket screens the investor
and partner portals mount from core/tickets/requester/. Format and kinds: see matrix.py.

Demo records used: Wulan's information request in the Investor relations queue (Dewi, also an
investor, does not see it).
"""

from django.urls import reverse

TABLE = """
# pattern                           sample           anon  cust  cadm  ocus  part  opar  empl  agnt  chmg  irof  edit  inv   multi none
# --- investor portal: information requests (shared requester screens, queue Investor relations) --------------------------------------
investor:tickets                    -                login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    ok    deny
investor:ticket-new                 -                login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    ok    deny
investor:ticket-suggestions         -                login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    ok    deny
investor:ticket-detail              wulan            login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    404   deny
investor:ticket-detail              siti             login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  404   404   deny
investor:ticket-reply               wulan            login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  405   405   deny
investor:ticket-status              wulan            login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  405   405   deny
investor:ticket-rate                wulan            login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  405   405   deny
investor:ticket-file                unknown          login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  404   404   deny
# --- partner portal: support (shared requester screens, queue Partner desk) ----------------------------------------------------------
partner:tickets                     -                login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:ticket-new                  -                login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:ticket-suggestions          -                login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:ticket-detail               siti             login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
partner:ticket-reply                siti             login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:ticket-status               siti             login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:ticket-rate                 siti             login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:ticket-file                 siti-file        login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
# --- the public IR site: everyone; registered-only material exists only for investors (Wulan and Dewi),
# --- shareholder-only material only for verified shareholders (Wulan); a scheduled report for no one yet
investor:library                    -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:releases-feed              -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:report                     public           ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:report                     registered       404   404   404   404   404   404   404   404   404   404   404   ok    ok    404
investor:report                     holders          404   404   404   404   404   404   404   404   404   404   404   ok    404   404
investor:report                     scheduled        404   404   404   404   404   404   404   404   404   404   404   404   404   404
investor:report-file                public           ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:report-file                registered       404   404   404   404   404   404   404   404   404   404   404   ok    ok    404
investor:report-file                holders          404   404   404   404   404   404   404   404   404   404   404   ok    404   404
investor:report-file                scheduled        404   404   404   404   404   404   404   404   404   404   404   404   404   404
investor:events                     -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:calendar-feed              -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:event                      public           ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:event                      registered       404   404   404   404   404   404   404   404   404   404   404   ok    ok    404
investor:event-ics                  public           ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:event-ics                  registered       404   404   404   404   404   404   404   404   404   404   404   ok    ok    404
investor:alerts                     -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:alerts-confirm             bad-token        400   400   400   400   400   400   400   400   400   400   400   400   400   400
investor:alerts-unsubscribe         bad-token        400   400   400   400   400   400   400   400   400   400   400   400   400   400
investor:alerts-unsubscribe         wulan            ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
investor:register                   -                login ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    go    go    ok
wagtail_serve                       ir-home          ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
wagtail_serve                       ir-governance    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
# --- employee portal: IR officers' disclosure audit and shareholder verification (everyone else: 404) ---------------------------------
employee:ir-disclosures             -                login 404   404   404   404   404   404   404   404   ok    404   404   404   404
employee:ir-disclosures-csv         -                login 404   404   404   404   404   404   404   404   ok    404   404   404   404
employee:ir-holders                 -                login 404   404   404   404   404   404   404   404   ok    404   404   404   404
employee:ir-holder-verify           wulan            login 404   404   404   404   404   404   404   404   405   404   404   404   404
"""


def _ticket(url_name, key):
    return lambda world: reverse(url_name, args=[world.objects[key].reference])


def _siti_file(url_name):
    def build(world):
        attachment = world.objects["tickets:siti-file"]
        return reverse(url_name, args=[attachment.ticket.reference, attachment.pk])

    return build


SAMPLES = {
    ("investor:ticket-detail", "wulan"): _ticket(
        "investor:ticket-detail", "investors:wulan-request"
    ),
    ("investor:ticket-detail", "siti"): _ticket("investor:ticket-detail", "tickets:siti"),
    ("investor:ticket-reply", "wulan"): _ticket("investor:ticket-reply", "investors:wulan-request"),
    ("investor:ticket-status", "wulan"): _ticket(
        "investor:ticket-status", "investors:wulan-request"
    ),
    ("investor:ticket-rate", "wulan"): _ticket("investor:ticket-rate", "investors:wulan-request"),
    ("investor:ticket-file", "unknown"): lambda world: reverse(
        "investor:ticket-file", args=["TCK-999999", 999999]
    ),
    ("partner:ticket-detail", "siti"): _ticket("partner:ticket-detail", "tickets:siti"),
    ("partner:ticket-reply", "siti"): _ticket("partner:ticket-reply", "tickets:siti"),
    ("partner:ticket-status", "siti"): _ticket("partner:ticket-status", "tickets:siti"),
    ("partner:ticket-rate", "siti"): _ticket("partner:ticket-rate", "tickets:siti"),
    ("partner:ticket-file", "siti-file"): _siti_file("partner:ticket-file"),
}


def _obj_url(url_name, key):
    return lambda world: reverse(url_name, args=[world.objects[key].pk])


def _unsubscribe(world):
    from core.investors.models import Subscriber
    from core.investors.tokens import unsubscribe_token

    subscriber = Subscriber.objects.get(email="wulan.sari@mail.example")
    return reverse("investor:alerts-unsubscribe", args=[unsubscribe_token(subscriber)])


for _name in ("investor:report", "investor:report-file"):
    for _sample in ("public", "registered", "holders", "scheduled"):
        SAMPLES[(_name, _sample)] = _obj_url(_name, f"investors:{_sample}-report")
for _name in ("investor:event", "investor:event-ics"):
    for _sample in ("public", "registered"):
        SAMPLES[(_name, _sample)] = _obj_url(_name, f"investors:{_sample}-event")
SAMPLES.update(
    {
        ("investor:alerts-confirm", "bad-token"): lambda world: reverse(
            "investor:alerts-confirm", args=["not-a-token"]
        ),
        ("investor:alerts-unsubscribe", "bad-token"): lambda world: reverse(
            "investor:alerts-unsubscribe", args=["not-a-token"]
        ),
        ("investor:alerts-unsubscribe", "wulan"): _unsubscribe,
        ("wagtail_serve", "ir-home"): lambda world: world.objects["page:ir-home"].url,
        ("wagtail_serve", "ir-governance"): lambda world: (
            world.objects["page:ir-home"].get_children().first().url
        ),
        ("employee:ir-holder-verify", "wulan"): lambda world: reverse(
            "employee:ir-holder-verify", args=[world.people["investor"].pk]
        ),
    }
)
