$(function () {
  $("#search").on("submit", function (event) {
    event.preventDefault();
    const query = $("#q").val();
    // ruleid: xss/js-jquery-html
    $("#results-title").html("Results for <b>" + query + "</b>");
    // ruleid: xss/js-jquery-html
    $(".results").append(`<li class="hint">${query}</li>`);
  });

  $.getJSON("/api/profile", function (profile) {
    // ruleid: xss/js-jquery-html
    jQuery("#bio").html(profile.bio);
    // ok: xss/js-jquery-html
    $("#name").text(profile.name);
    // ok: xss/js-jquery-html
    $("#bio").html(DOMPurify.sanitize(profile.bio));
    // ok: xss/js-jquery-html
    $("#list").append($("<li>").text(profile.name));
    // ok: xss/js-jquery-html
    $("#spinner").html("<span class='spin'></span>");
    // ok: xss/js-jquery-html
    $("#count").html(function (i, old) { return old; });
  });
});
