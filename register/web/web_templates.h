// The web app's Mustache templates and stylesheet, embedded at build time from
// register/web/templates/ (embed_templates.cmake), so the register serves them with no CDN
// and no files to install.
#pragma once

#include <map>
#include <string>

namespace flytthit::reg::web {

// File name ("inbox.mustache", "style.css") to its bytes. The same map for the process's life.
const std::map<std::string, std::string>& embedded_templates();

}  // namespace flytthit::reg::web
