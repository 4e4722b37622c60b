#include <cstdio>
#include <cstring>
#include <string>

class Session {
public:
    void rename(const std::string& name)
    {
        // ruleid: memory/c-unbounded-copy
        std::strcpy(name_, name.c_str());
        // ruleid: memory/c-unbounded-copy
        std::sprintf(title_, "session %s", name_);
        // ok: memory/c-unbounded-copy
        std::snprintf(title_, sizeof title_, "session %s", name_);
        // ok: memory/c-unbounded-copy
        display_ = name + " (active)";
    }

private:
    char name_[32];
    char title_[64];
    std::string display_;
};
