#include <cstdlib>
#include <ctime>
#include <random>

int roll_token()
{
    // ruleid: crypto/c-predictable-seed
    std::srand(static_cast<unsigned>(std::time(nullptr)));
    return std::rand();
}

unsigned roll_token_safely()
{
    std::random_device rd;
    // ok: crypto/c-predictable-seed
    std::srand(rd());
    return rd();
}
