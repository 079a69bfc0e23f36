// What a page fetches, seen from the test: the specs that check what loads lazily (and what
// never loads) record every request from a point on.

/** Every URL `page` requests from now on (those `keep` accepts, if given), appended as the requests start. */
export function trackRequests(page, keep = () => true) {
  const urls = [];
  page.on('request', (request) => {
    if (keep(request.url())) urls.push(request.url());
  });
  return urls;
}
