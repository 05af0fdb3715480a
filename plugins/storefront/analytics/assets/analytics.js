/* storefront/analytics: loads the site's analytics provider and sends conversion events
   through the provider's own event API. One external file, loaded with `defer`; no inline
   script or handler, so it runs under a strict Content-Security-Policy.

   Settings come from this script element's data-* attributes (written by the plugin).
   Providers that set cookies load nothing, not even a request, until the visitor agrees;
   Global Privacy Control and Do Not Track count as "no" for them. If the provider's script
   is blocked, every call here is a no-op: the page keeps working. */
(function () {
  "use strict";
  var me = document.currentScript || document.querySelector("script[data-sf-analytics]");
  if (!me || window.__sfAnalytics) return;
  window.__sfAnalytics = true;

  function json(name, fallback) {
    try { return JSON.parse(me.getAttribute(name) || "") || fallback; } catch (e) { return fallback; }
  }
  var provider = me.getAttribute("data-provider");
  var src = me.getAttribute("data-src");
  var attrs = json("data-attrs", {});
  var settings = json("data-settings", {});
  var events = json("data-events", {});
  var texts = json("data-texts", {});
  var needsConsent = me.getAttribute("data-consent") === "required";
  var consentUi = me.getAttribute("data-consent-ui") || "banner";
  var privacyHref = me.getAttribute("data-privacy") || "";
  var KEY = "storefront-analytics-consent";
  var loaded = false;
  var pending = [];

  function store(value) {
    try { if (value === null) localStorage.removeItem(KEY); else localStorage.setItem(KEY, value); }
    catch (e) { /* storage blocked: the choice lasts for this page only */ }
  }
  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function refusedByBrowser() {
    var dnt = navigator.doNotTrack || window.doNotTrack || navigator.msDoNotTrack;
    return navigator.globalPrivacyControl === true || dnt === "1" || dnt === "yes";
  }
  function materialConsent() {
    try {
      if (typeof window.__md_get !== "function") return null;
      var choice = window.__md_get("__consent");
      return choice ? !!choice.analytics : null;
    } catch (e) { return null; }
  }

  // --- loading the provider (its documented snippet, done from here) --------------------
  function addScript(url, attributes) {
    var script = document.createElement("script");
    script.src = url;
    script.defer = true;
    for (var name in attributes) script.setAttribute(name, attributes[name]);
    script.addEventListener("load", flush);
    document.head.appendChild(script);
  }
  function load() {
    if (loaded || !src) return;
    loaded = true;
    if (provider === "plausible") {
      // https://plausible.io/docs/custom-event-goals: the queue before the script loads
      window.plausible = window.plausible || function () {
        (window.plausible.q = window.plausible.q || []).push(arguments);
      };
    } else if (provider === "matomo") {
      // https://developer.matomo.org/guides/tracking-javascript-guide
      var paq = window._paq = window._paq || [];
      if (settings.cookies === "false") paq.push(["disableCookies"]);
      paq.push(["trackPageView"]);
      paq.push(["enableLinkTracking"]);
      paq.push(["setTrackerUrl", settings.tracker]);
      paq.push(["setSiteId", settings.site_id]);
    } else if (provider === "ga4") {
      // https://developers.google.com/tag-platform/gtagjs/install
      window.dataLayer = window.dataLayer || [];
      window.gtag = function () { window.dataLayer.push(arguments); };
      window.gtag("js", new Date());
      window.gtag("config", settings.measurement_id);
    } else if (provider === "simpleanalytics") {
      // https://docs.simpleanalytics.com/events: the placeholder event function
      window.sa_event = window.sa_event || function () {
        var a = [].slice.call(arguments);
        window.sa_event.q ? window.sa_event.q.push(a) : (window.sa_event.q = [a]);
      };
    }
    addScript(src, attrs);
  }

  // --- events, through each provider's own API --------------------------------------------
  function slug(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  }
  function send(name, props) {
    var p = props;
    if (provider === "plausible") {
      window.plausible(name, { props: p });  // https://plausible.io/docs/custom-event-goals
      return true;
    }
    if (provider === "matomo") {
      // https://matomo.org/faq/reports/implement-event-tracking-with-matomo/: category, action, name
      window._paq.push(["trackEvent", name, p.cta || p.provider || p.kind || p.url || "", p.variant || p.page]);
      return true;
    }
    if (provider === "ga4") {
      // https://developers.google.com/analytics/devguides/collection/ga4/events: gtag('event', name, params);
      // sign_up {method} is a recommended event, click {link_url, outbound} and file_download
      // {link_url} are the names enhanced measurement uses
      var ga = {
        "CTA click": ["cta_click", { cta_name: p.cta, cta_variant: p.variant, page_path: p.page }],
        "Newsletter signup": ["sign_up", { method: p.provider, page_path: p.page }],
        "Outbound link": ["click", { link_url: p.url, outbound: true, page_path: p.page }],
        "File download": ["file_download", { link_url: p.url, page_path: p.page }],
        "Contact click": ["contact_click", { contact_kind: p.kind, page_path: p.page }]
      }[name] || [slug(name), p];
      window.gtag("event", ga[0], ga[1]);
      return true;
    }
    if (provider === "simpleanalytics") {
      window.sa_event(slug(name), p);  // https://docs.simpleanalytics.com/events (metadata)
      return true;
    }
    if (provider === "umami") {
      if (!window.umami || !window.umami.track) return false;
      window.umami.track(name, p);  // https://umami.is/docs/tracker-functions
      return true;
    }
    if (provider === "fathom") {
      if (!window.fathom || !window.fathom.trackEvent) return false;
      // https://usefathom.com/changelog/sept2024-attribution-improvements: events are named, no properties
      window.fathom.trackEvent(name + ": " + (p.cta ? p.cta + (p.variant ? " (" + p.variant + ")" : "") :
                                               p.provider || p.kind || p.url || ""));
      return true;
    }
    if (provider === "goatcounter") {
      if (!window.goatcounter || !window.goatcounter.count) return false;
      // https://www.goatcounter.com/help/events: the path is the event name
      var detail = p.cta ? p.cta + (p.variant ? "-" + p.variant : "") : p.provider || p.kind || p.url || "";
      window.goatcounter.count({ path: slug(name) + "-" + detail.replace(/^\/+/, ""), title: name, event: true });
      return true;
    }
    return true;  // cloudflare: page views only, no event API
  }
  function flush() {
    var waiting = pending;
    pending = [];
    for (var i = 0; i < waiting.length; i++) track(waiting[i][0], waiting[i][1]);
  }
  function track(name, props) {
    if (!loaded) return;
    try {
      if (!send(name, props)) pending.push([name, props]);  // the script is still loading
    } catch (e) { /* a blocked or broken provider script never breaks the page */ }
  }

  var page = location.pathname;
  var extensions = events.extensions || [];
  function fileLike(url) {
    var match = /\.([a-z0-9]{1,5})$/i.exec(url.pathname);
    return match && extensions.indexOf(match[1].toLowerCase()) !== -1;
  }
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || !loaded) return;
    var cta = link.getAttribute("data-cta-id");
    if (cta && events.cta) {
      var props = { cta: cta, page: page };
      var variant = link.getAttribute("data-cta-variant");
      if (variant) props.variant = variant;
      track("CTA click", props);
      return;
    }
    var url;
    try { url = new URL(link.getAttribute("href"), location.href); } catch (e) { return; }
    if (url.protocol === "tel:" || url.protocol === "mailto:") {
      if (events.contact) track("Contact click", { kind: url.protocol.slice(0, -1), page: page });
    } else if (url.protocol === "http:" || url.protocol === "https:") {
      if (events.downloads && fileLike(url)) {
        track("File download", { url: url.origin === location.origin ? url.pathname : url.origin + url.pathname, page: page });
      } else if (events.outbound && url.host !== location.host) {
        track("Outbound link", { url: url.origin + url.pathname, page: page });
      }
    }
  }, true);
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!events.signup || !form || !form.getAttribute) return;
    var newsletter = form.getAttribute("data-newsletter-provider");
    if (newsletter) track("Newsletter signup", { provider: newsletter, page: page });  // never a field value
  }, true);

  // --- consent ----------------------------------------------------------------------------
  var banner = null;
  function decide(granted) {
    store(granted ? "granted" : "denied");
    var wasLoaded = loaded;
    hideBanner();
    if (granted) load();
    else if (wasLoaded) location.reload();  // withdrawn: stop the provider's script on this page
  }
  function hideBanner() {
    if (banner) { banner.hidden = true; }
  }
  function showBanner() {
    if (!banner) {
      banner = document.createElement("section");
      banner.className = "sf-consent";
      banner.setAttribute("role", "region");
      banner.setAttribute("aria-label", texts.label || "Privacy choices");
      var text = document.createElement("p");
      text.className = "sf-consent__text";
      text.textContent = texts.text || "";
      if (privacyHref) {
        var more = document.createElement("a");
        more.href = privacyHref;
        more.textContent = texts.privacy || "Privacy policy";
        text.appendChild(document.createTextNode(" "));
        text.appendChild(more);
      }
      var actions = document.createElement("div");
      actions.className = "sf-consent__actions";
      [["accept", true], ["reject", false]].forEach(function (item) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sf-consent__button sf-consent__button--" + item[0];
        button.textContent = texts[item[0]] || item[0];
        button.addEventListener("click", function () { decide(item[1]); });
        actions.appendChild(button);
      });
      banner.appendChild(text);
      banner.appendChild(actions);
      banner.addEventListener("keydown", function (event) {
        if (event.key === "Escape") hideBanner();  // decide later: nothing loads meanwhile
      });
      // First in the page, so it is the first stop for keyboard and screen-reader users;
      // fixed to the window's bottom edge, so it moves nothing.
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.hidden = false;
  }
  function settingsLink() {
    if (document.querySelector("[data-sf-privacy-settings]")) return;
    var link = document.createElement("a");
    link.setAttribute("data-sf-privacy-settings", "");
    link.className = "sf-privacy-settings";
    link.href = consentUi === "material" ? "#__consent" : "#privacy-settings";
    link.textContent = texts.settings || "Privacy settings";
    // Inline at the end of the copyright line (Material), else of the footer: the line is
    // there already, so adding to it moves nothing (themes that print the link themselves,
    // like the storefront template, need none).
    var line = document.querySelector(".md-copyright, footer") || document.body;
    var wrap = document.createElement("span");
    wrap.className = "sf-privacy-settings__wrap";
    wrap.appendChild(document.createTextNode(" · "));
    wrap.appendChild(link);
    line.appendChild(wrap);
  }
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("[data-sf-privacy-settings]") : null;
    if (!link || consentUi === "material") return;  // Material opens its own dialog on #__consent
    event.preventDefault();
    showBanner();
    var first = banner.querySelector("button");
    if (first) first.focus();
  });

  if (!needsConsent) {
    load();
  } else if (refusedByBrowser()) {
    // Global Privacy Control / Do Not Track: a standing "no"; nothing loads, nothing is asked.
  } else if (consentUi === "material") {
    if (materialConsent() === true) load();
    settingsLink();
  } else {
    var choice = stored();
    if (choice === "granted") load();
    else if (choice !== "denied") showBanner();
    settingsLink();
  }
})();
