/// Where a turn goes after a host command was carried out: on through the dialogue, or back
/// to where the crisis answer interrupted the conversation (`<<resume>>`). The performer only
/// says which; the driver that runs the turn goes there.
enum TurnDirection {
    case onward
    case backToInterruption
}
