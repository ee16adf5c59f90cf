"""A tiny, valid MP4 (H.264 Constrained Baseline) drawn on the spot: a square
gliding over a gradient. For demo content and tests; no encoder is needed.

Every changed macroblock is stored uncompressed (I_PCM) and every unchanged one
is skipped, which any H.264 decoder plays and which keeps the file a few dozen
kilobytes.
"""

import struct

MB = 16


class BitWriter:
    def __init__(self):
        self.bits = []

    def u(self, count, value):
        self.bits.extend((value >> shift) & 1 for shift in range(count - 1, -1, -1))

    def ue(self, value):
        value += 1
        self.u(2 * value.bit_length() - 1, value)

    def se(self, value):
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align_zero(self):
        while len(self.bits) % 8:
            self.bits.append(0)

    def raw(self, data):
        for byte in data:
            self.u(8, byte)

    def rbsp(self):
        self.bits.append(1)
        self.align_zero()
        return bytes(
            int("".join(map(str, self.bits[i : i + 8])), 2) for i in range(0, len(self.bits), 8)
        )


def nal(nal_ref_idc, nal_type, rbsp):
    out = bytearray([(nal_ref_idc << 5) | nal_type])
    zeros = 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def sequence_parameter_set(mbs_wide, mbs_high):
    bits = BitWriter()
    bits.u(8, 66)  # Baseline profile
    bits.u(8, 0b11000000)  # constraint_set0 and set1: Constrained Baseline
    bits.u(8, 30)  # level 3.0
    bits.ue(0)  # seq_parameter_set_id
    bits.ue(4)  # log2_max_frame_num - 4
    bits.ue(2)  # pic_order_cnt_type: output order is decoding order
    bits.ue(1)  # max_num_ref_frames
    bits.u(1, 0)  # gaps_in_frame_num_value_allowed_flag
    bits.ue(mbs_wide - 1)
    bits.ue(mbs_high - 1)
    bits.u(1, 1)  # frame_mbs_only_flag
    bits.u(1, 1)  # direct_8x8_inference_flag
    bits.u(1, 0)  # frame_cropping_flag
    bits.u(1, 0)  # vui_parameters_present_flag
    return nal(3, 7, bits.rbsp())


def picture_parameter_set():
    bits = BitWriter()
    bits.ue(0)  # pic_parameter_set_id
    bits.ue(0)  # seq_parameter_set_id
    bits.u(1, 0)  # CAVLC
    bits.u(1, 0)  # bottom_field_pic_order_in_frame_present_flag
    bits.ue(0)  # num_slice_groups_minus1
    bits.ue(0)  # num_ref_idx_l0_default_active_minus1
    bits.ue(0)  # num_ref_idx_l1_default_active_minus1
    bits.u(1, 0)  # weighted_pred_flag
    bits.u(2, 0)  # weighted_bipred_idc
    bits.se(0)  # pic_init_qp_minus26
    bits.se(0)  # pic_init_qs_minus26
    bits.se(0)  # chroma_qp_index_offset
    bits.u(1, 1)  # deblocking_filter_control_present_flag
    bits.u(1, 0)  # constrained_intra_pred_flag
    bits.u(1, 0)  # redundant_pic_cnt_present_flag
    return nal(3, 8, bits.rbsp())


def slice_nal(frame_num, coded, total_mbs):
    """One slice: ``coded`` maps macroblock address → (luma, cb, cr) samples."""
    idr = frame_num == 0
    bits = BitWriter()
    bits.ue(0)  # first_mb_in_slice
    bits.ue(7 if idr else 5)  # I or P, the same type for every slice of the picture
    bits.ue(0)  # pic_parameter_set_id
    bits.u(8, frame_num % 256)
    if idr:
        bits.ue(0)  # idr_pic_id
    else:
        bits.u(1, 0)  # num_ref_idx_active_override_flag
        bits.u(1, 0)  # ref_pic_list_modification_flag_l0
    if idr:
        bits.u(1, 0)  # no_output_of_prior_pics_flag
        bits.u(1, 0)  # long_term_reference_flag
    else:
        bits.u(1, 0)  # adaptive_ref_pic_marking_mode_flag
    bits.se(0)  # slice_qp_delta
    bits.ue(1)  # disable_deblocking_filter_idc
    skipped = 0
    for address in range(total_mbs):
        if address not in coded:
            skipped += 1
            continue
        if not idr:
            bits.ue(skipped)
            skipped = 0
        bits.ue(25 if idr else 30)  # mb_type I_PCM (numbered after the 5 P types in P slices)
        bits.align_zero()
        for plane in coded[address]:
            bits.raw(plane)
    if skipped:
        bits.ue(skipped)
    return nal(3, 5 if idr else 1, bits.rbsp())


def macroblock(mbx, mby, square):
    """Samples of one macroblock: a soft diagonal gradient, or the bright square."""
    if square:
        return bytes([210] * 256), bytes([60] * 64), bytes([200] * 64)
    luma = bytes(
        40 + ((mbx * MB + x) + (mby * MB + y)) % 120 // 2 for y in range(MB) for x in range(MB)
    )
    return luma, bytes([150] * 64), bytes([110] * 64)


def square_path(frames, mbs_wide, mbs_high):
    """The square's macroblock for each frame: along the middle row and back."""
    row = mbs_high // 2
    span = 2 * (mbs_wide - 1)
    positions = []
    for frame in range(frames):
        step = frame % span
        column = step if step < mbs_wide else span - step
        positions.append((column, row))
    return positions


def box(kind, *parts):
    payload = b"".join(parts)
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def full_box(kind, version, flags, *parts):
    return box(kind, struct.pack(">I", (version << 24) | flags), *parts)


MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def generate_mp4(width=160, height=96, fps=8, seconds=4):
    """The bytes of an MP4 file of ``seconds`` seconds that browsers play."""
    mbs_wide, mbs_high = width // MB, height // MB
    total = mbs_wide * mbs_high
    frames = fps * seconds
    path = square_path(frames, mbs_wide, mbs_high)
    sps, pps = sequence_parameter_set(mbs_wide, mbs_high), picture_parameter_set()
    samples = []
    for number, position in enumerate(path):
        if number == 0:
            changed = {(x, y) for y in range(mbs_high) for x in range(mbs_wide)}
        else:
            changed = {path[number - 1], position}
        coded = {y * mbs_wide + x: macroblock(x, y, (x, y) == position) for x, y in sorted(changed)}
        unit = slice_nal(number, coded, total)
        samples.append(struct.pack(">I", len(unit)) + unit)
    return mp4_file(samples, sps, pps, width, height, fps)


def mp4_file(samples, sps, pps, width, height, fps):
    duration_ms = len(samples) * 1000 // fps
    avcc = box(
        b"avcC",
        bytes([1, sps[1], sps[2], sps[3], 0xFF, 0xE1]),
        struct.pack(">H", len(sps)),
        sps,
        bytes([1]),
        struct.pack(">H", len(pps)),
        pps,
    )
    sample_entry = box(
        b"avc1",
        bytes(6),
        struct.pack(">HHH3I", 1, 0, 0, 0, 0, 0),
        struct.pack(">HHIIIH", width, height, 0x480000, 0x480000, 0, 1),
        bytes(32),
        struct.pack(">Hh", 0x18, -1),
        avcc,
    )

    def movie(chunk_offset):
        sample_table = box(
            b"stbl",
            full_box(b"stsd", 0, 0, struct.pack(">I", 1), sample_entry),
            full_box(b"stts", 0, 0, struct.pack(">III", 1, len(samples), 1)),
            full_box(b"stss", 0, 0, struct.pack(">II", 1, 1)),
            full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, len(samples), 1)),
            full_box(
                b"stsz",
                0,
                0,
                struct.pack(">II", 0, len(samples)),
                b"".join(struct.pack(">I", len(s)) for s in samples),
            ),
            full_box(b"stco", 0, 0, struct.pack(">II", 1, chunk_offset)),
        )
        media = box(
            b"mdia",
            full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, fps, len(samples), 0x55C4, 0)),
            full_box(b"hdlr", 0, 0, struct.pack(">I4s3I", 0, b"vide", 0, 0, 0), b"Video\0"),
            box(
                b"minf",
                full_box(b"vmhd", 0, 1, bytes(8)),
                box(
                    b"dinf", full_box(b"dref", 0, 0, struct.pack(">I", 1), full_box(b"url ", 0, 1))
                ),
                sample_table,
            ),
        )
        track = box(
            b"trak",
            full_box(
                b"tkhd",
                0,
                3,
                struct.pack(">IIIII", 0, 0, 1, 0, duration_ms),
                bytes(8),
                struct.pack(">hhhH", 0, 0, 0, 0),
                MATRIX,
                struct.pack(">II", width << 16, height << 16),
            ),
            media,
        )
        header = full_box(
            b"mvhd",
            0,
            0,
            struct.pack(">IIIIIH", 0, 0, 1000, duration_ms, 0x10000, 0x100),
            bytes(10),
            MATRIX,
            bytes(24),
            struct.pack(">I", 2),
        )
        return box(b"moov", header, track)

    file_type = box(b"ftyp", b"isom", struct.pack(">I", 512), b"isomiso2avc1mp41")
    offset = len(file_type) + len(movie(0)) + 8
    return file_type + movie(offset) + box(b"mdat", *samples)
