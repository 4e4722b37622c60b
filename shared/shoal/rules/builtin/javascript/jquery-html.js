$(function () {
  $("#search").on("submit", function (event) {
    event.preventDefault();
    const params = new URLSearchParams(window.location.search);
    const query = params.get("q");
    // ruleid: xss/js-jquery-html
    $("#results-title").html("Results for <b>" + query + "</b>");
    // ruleid: xss/js-jquery-html
    $(".results").append(`<li class="hint">${query}</li>`);
    // ok: xss/js-jquery-html
    $(".results").append(`<li class="hint">${encodeURIComponent(query)}</li>`);
  });

  const tab = location.hash.slice(1);
  // ruleid: xss/js-jquery-html
  $(this).find(".tab-title").html(tab);
  // ok: xss/js-jquery-html
  $(this).find(".tab-title").text(tab);
  // ok: xss/js-jquery-html
  $("#bio").html(DOMPurify.sanitize(document.referrer));

  $.getJSON("/api/profile", function (profile) {
    // Markup built from data no source is known to reach: a note, not a finding.
    // ok: xss/js-jquery-html
    jQuery("#bio").html(profile.bio);
    // ok: xss/js-jquery-html
    $("#name").text(profile.name);
    // ok: xss/js-jquery-html
    $("#list").append($("<li>").text(profile.name));
    // ok: xss/js-jquery-html
    $("#spinner").html("<span class='spin'></span>");
    // ok: xss/js-jquery-html
    $("#count").html(function (i, old) { return old; });
    // ok: xss/js-jquery-html
    $(this).html($(this).html().replace(/(#\d+)/g, "#" + profile.count));
  });
});
