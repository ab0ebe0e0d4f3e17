// The demo key pair. DEMO ONLY: both halves are published in this repository, so anything
// sealed to the demo key is readable by anyone who has the source. A kiosk that is not paired
// with a register seals to it so that the demo works out of the box, and says so plainly (in
// staff mode and in `flytthit-kioskctl status`). Pair every kiosk before a real event.
#pragma once

namespace flytthit::demo {

inline constexpr const char* sealing_public_key = "3171b77a938ae07bddd83c6d0f2af0b2ec3f1f401079c83a7f7096df1efeac1b";
inline constexpr const char* sealing_secret_key = "0af3b1d0bfaabfc2884b9a6f2c52730ecea1f5e4e4fe25733548863b407c3ee1";
inline constexpr const char* signing_public_key = "3971029c131880baba953409b1f31e6077b1351c005d7813471ec88aaadf6922";
inline constexpr const char* signing_secret_key =
    "ea8301306f180214e4b28350f9a69ab65ebc60879ae8b147e1f7b80bf44afbfe3971029c131880baba953409b1f31e6077b1351c005d7813471ec88aaadf6922";

}  // namespace flytthit::demo
