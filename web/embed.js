/*
 * Identity Pool Playground embed loader (docs/embedding.md). Include it once on a host
 * page, from the folder the playground is published in:
 *
 *   <div data-idpool-embed="#embed=trust,result&s=1.…"></div>
 *   <script src="https://example.org/tools/idpool/embed.js" defer></script>
 *
 * Every element with `data-idpool-embed` becomes an iframe of the playground in embed mode,
 * sized to its content from the widget's `height` messages. The attribute holds a link
 * fragment (`#embed=…&s=…` or `#embed=…&example=<id>`, as `idpool link` prints it) or a
 * whole playground URL; without `embed=` the parts of `data-idpool-parts` (default
 * `trust,access,requests,result`) are shown. A scenario written inline, in a
 * `<script type="application/json">` child, is sent to the widget once it is ready.
 * Optional attributes: `data-idpool-readonly`, `data-idpool-theme` (`light` / `dark`),
 * `data-idpool-title`. The element's `id` (else `idpool-embed-N`) is the widget id.
 *
 * Every widget message (`ready`, `height`, `result`; version 1) is also dispatched on the
 * element as a DOM event `idpool:<type>` whose `detail` is the message, so a page can
 * react to a sign-in outcome or a decision without listening to `postMessage` itself.
 * Messages are accepted only from the playground's origin and from the widget's own frame.
 * No framework, no globals besides `window.idpoolEmbed.scan()` for elements added later.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var base = new URL('.', script.src).href;
  var origin = new URL(base).origin;
  var widgets = {};
  var count = 0;

  function fragmentOf(spec) {
    var at = spec.indexOf('#');
    if (at >= 0) {
      return spec.slice(at + 1);
    }
    // A bare `embed=…&s=…` without the `#`.
    return spec.indexOf('=') >= 0 ? spec : '';
  }

  function withoutParam(params, name) {
    return params.filter(function (p) {
      return p.split('=')[0] !== name;
    });
  }

  function mount(element) {
    if (element.getAttribute('data-idpool-mounted') === 'true') {
      return;
    }
    element.setAttribute('data-idpool-mounted', 'true');
    count += 1;
    var id = element.id || 'idpool-embed-' + count;
    var params = fragmentOf(element.getAttribute('data-idpool-embed') || '')
      .split('&')
      .filter(function (p) {
        return p.length > 0;
      });
    var has = function (name) {
      return params.some(function (p) {
        return p.split('=')[0] === name;
      });
    };
    if (!has('embed')) {
      params.unshift('embed=' + encodeURIComponent(element.getAttribute('data-idpool-parts') || 'trust,access,requests,result').replace(/%2C/g, ','));
    }
    if (element.hasAttribute('data-idpool-readonly') && !has('readonly')) {
      params.push('readonly=1');
    }
    var theme = element.getAttribute('data-idpool-theme');
    if ((theme === 'light' || theme === 'dark') && !has('theme')) {
      params.push('theme=' + theme);
    }
    params = withoutParam(params, 'id');
    // The scenario stays last: it is the long one.
    var scenario = params.filter(function (p) {
      return p.split('=')[0] === 's';
    });
    params = withoutParam(params, 's').concat(['id=' + encodeURIComponent(id)], scenario);

    var inline = element.querySelector('script[type="application/json"]');
    var iframe = document.createElement('iframe');
    // The widget page: embed mode with a wasm smaller than the full page's.
    iframe.src = base + 'embed.html#' + params.join('&');
    iframe.title = element.getAttribute('data-idpool-title') || 'Identity Pool Playground example';
    iframe.setAttribute('data-idpool-id', id);
    iframe.style.width = '100%';
    iframe.style.maxWidth = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = '320px';
    widgets[id] = { element: element, iframe: iframe, inline: inline ? inline.textContent : null };
    element.appendChild(iframe);
  }

  function scan() {
    var found = document.querySelectorAll('[data-idpool-embed]');
    for (var i = 0; i < found.length; i += 1) {
      mount(found[i]);
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.source !== 'idpool-embed' || data.version !== 1) {
      return;
    }
    var widget = Object.prototype.hasOwnProperty.call(widgets, data.id) ? widgets[data.id] : null;
    if (!widget || event.source !== widget.iframe.contentWindow) {
      return;
    }
    if (data.type === 'height' && typeof data.height === 'number' && data.height > 0) {
      widget.iframe.style.height = Math.ceil(data.height) + 'px';
    } else if (data.type === 'ready' && widget.inline !== null) {
      widget.iframe.contentWindow.postMessage(
        { source: 'idpool-host', version: 1, type: 'scenario', scenario: widget.inline },
        origin
      );
    }
    widget.element.dispatchEvent(new CustomEvent('idpool:' + data.type, { detail: data, bubbles: true }));
  });

  window.idpoolEmbed = { scan: scan };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
})();
