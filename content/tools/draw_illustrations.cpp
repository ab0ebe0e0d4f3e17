// draw-illustrations: draws each municipality's picture for the default content pack, so
// the pack exercises the real picture path until the region publishes its own photos.
// Each is a landscape in the municipality's jewel colour (sky, mountains, its river) with
// what its texts say it is known for: the mining town's church and slag heaps, the mine's
// headframe, the forest and lakes. Deterministic: the same manifest gives the same files.
//
//   draw-illustrations PACKDIR    writes PACKDIR/images/<id>.png (960x540) for each municipality
#include "common/content/content_images.h"

#include <nlohmann/json.hpp>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr int out_width = 960;
constexpr int out_height = 540;
constexpr int ss = 2;  // drawn at twice the size, then box-filtered down: smooth edges
constexpr int W = out_width * ss;
constexpr int H = out_height * ss;

struct Rgb {
    double r, g, b;
};
Rgb mix(Rgb a, Rgb b, double t) { return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t}; }

struct Point {
    double x, y;
};

class Canvas {
public:
    Canvas() : pixels_(static_cast<std::size_t>(W) * H * 4, 255) {}

    void set(int x, int y, Rgb c) {
        if (x < 0 || y < 0 || x >= W || y >= H) return;
        unsigned char* p = &pixels_[(static_cast<std::size_t>(y) * W + static_cast<std::size_t>(x)) * 4];
        p[0] = static_cast<unsigned char>(std::clamp(c.r, 0.0, 255.0));
        p[1] = static_cast<unsigned char>(std::clamp(c.g, 0.0, 255.0));
        p[2] = static_cast<unsigned char>(std::clamp(c.b, 0.0, 255.0));
        p[3] = 255;
    }
    // Rows from top to bottom shade from one colour to the other, in a few flat bands (small PNGs).
    void vertical_gradient(double y0, double y1, Rgb top, Rgb bottom, int bands) {
        for (int y = static_cast<int>(y0 * H); y < static_cast<int>(y1 * H); ++y) {
            const double t = std::floor((y - y0 * H) / ((y1 - y0) * H) * bands) / std::max(1, bands - 1);
            const Rgb c = mix(top, bottom, std::min(1.0, t));
            for (int x = 0; x < W; ++x) set(x, y, c);
        }
    }
    // Fills a polygon given in 0..1 coordinates (even-odd rule, scanlines through pixel centres).
    void polygon(const std::vector<Point>& unit, Rgb c) {
        std::vector<Point> pts;
        for (const auto& p : unit) pts.push_back({p.x * W, p.y * H});
        double min_y = H, max_y = 0;
        for (const auto& p : pts) {
            min_y = std::min(min_y, p.y);
            max_y = std::max(max_y, p.y);
        }
        std::vector<double> xs;
        for (int y = std::max(0, static_cast<int>(min_y)); y <= std::min(H - 1, static_cast<int>(max_y)); ++y) {
            const double cy = y + 0.5;
            xs.clear();
            for (std::size_t i = 0; i < pts.size(); ++i) {
                const Point a = pts[i], b = pts[(i + 1) % pts.size()];
                if ((a.y <= cy && b.y > cy) || (b.y <= cy && a.y > cy)) xs.push_back(a.x + (cy - a.y) / (b.y - a.y) * (b.x - a.x));
            }
            std::sort(xs.begin(), xs.end());
            for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
                for (int x = static_cast<int>(std::ceil(xs[i] - 0.5)); x < static_cast<int>(std::ceil(xs[i + 1] - 0.5)); ++x) set(x, y, c);
            }
        }
    }
    void rect(double x0, double y0, double x1, double y1, Rgb c) { polygon({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, c); }
    void circle(double cx, double cy, double r, Rgb c) {
        std::vector<Point> pts;
        for (int i = 0; i < 48; ++i) {
            const double a = i * 2 * M_PI / 48;
            pts.push_back({cx + r * std::cos(a) * H / W, cy + r * std::sin(a)});
        }
        polygon(pts, c);
    }
    const std::vector<unsigned char>& pixels() const { return pixels_; }

private:
    std::vector<unsigned char> pixels_;
};

// A ridge from left to right: a sum of a few sines, seeded by the municipality, closed to the bottom.
void ridge(Canvas& canvas, double base, double height, int seed, double sharpness, Rgb colour) {
    std::vector<Point> pts{{0, 1.0}};
    for (int i = 0; i <= 96; ++i) {
        const double x = i / 96.0;
        double h = 0.5 * std::sin(x * (3 + seed % 3) + seed) + 0.3 * std::sin(x * (7 + seed % 5) + seed * 1.7) +
                   0.2 * std::sin(x * 17 + seed * 0.3);
        h = std::pow((h + 1) / 2, sharpness);
        pts.push_back({x, base - height * h});
    }
    pts.push_back({1.0, 1.0});
    canvas.polygon(pts, colour);
}

// A river that winds from the horizon towards the viewer, widening.
void river(Canvas& canvas, double horizon, double from_x, double to_x, double width, Rgb colour) {
    std::vector<Point> left, right;
    for (int i = 0; i <= 40; ++i) {
        const double t = i / 40.0;
        const double y = horizon + (1.02 - horizon) * t;
        const double x = from_x + (to_x - from_x) * t + 0.06 * std::sin(t * 6.0) * t;
        const double w = width * (0.05 + t * t);
        left.push_back({x - w, y});
        right.push_back({x + w, y});
    }
    std::vector<Point> pts = left;
    pts.insert(pts.end(), right.rbegin(), right.rend());
    canvas.polygon(pts, colour);
}

void house(Canvas& canvas, double x, double ground, double w, double h, Rgb wall, Rgb roof) {
    canvas.rect(x, ground - h, x + w, ground, wall);
    canvas.polygon({{x - w * 0.1, ground - h}, {x + w / 2, ground - h - h * 0.7}, {x + w * 1.1, ground - h}}, roof);
    canvas.rect(x + w * 0.4, ground - h * 0.5, x + w * 0.6, ground, mix(wall, {20, 20, 20}, 0.6));
}

void spruce(Canvas& canvas, double x, double ground, double h, Rgb colour) {
    for (int tier = 0; tier < 3; ++tier) {
        const double top = ground - h + tier * h * 0.25;
        const double half = h * (0.12 + tier * 0.07);
        canvas.polygon({{x, top}, {x + half * 0.6, top + h * 0.45}, {x - half * 0.6, top + h * 0.45}}, colour);
    }
}

Rgb parse_colour(const std::string& hex) {
    auto byte = [&](int i) { return static_cast<double>(std::stoi(hex.substr(static_cast<std::size_t>(1 + i * 2), 2), nullptr, 16)); };
    return {byte(0), byte(1), byte(2)};
}

void draw(Canvas& canvas, const std::string& id, Rgb jewel, int seed) {
    const Rgb white{250, 250, 245}, grass{92, 128, 70}, dark{28, 36, 44};
    const Rgb water = mix({70, 120, 170}, jewel, 0.25);
    canvas.vertical_gradient(0.0, 0.62, mix(jewel, white, 0.55), mix(jewel, white, 0.88), 12);
    canvas.circle(0.8, 0.16, 0.06, mix({255, 236, 180}, white, 0.3));
    const bool big_mountain = id == "alvdal" || id == "folldal" || id == "tolga";
    ridge(canvas, 0.50, big_mountain ? 0.30 : 0.20, seed, big_mountain ? 1.8 : 1.2, mix(jewel, {120, 130, 150}, 0.55));
    ridge(canvas, 0.60, 0.14, seed + 11, 1.0, mix(jewel, dark, 0.35));
    const double horizon = 0.62;
    canvas.vertical_gradient(horizon, 1.0, mix(grass, jewel, 0.2), mix(grass, dark, 0.3), 6);
    if (id == "rendalen") {
        canvas.polygon({{0.05, 0.70}, {0.55, 0.66}, {0.75, 0.72}, {0.40, 0.80}, {0.0, 0.78}}, water);  // a lake
        for (int i = 0; i < 26; ++i) spruce(canvas, 0.02 + i * 0.039, 0.98 - (i % 3) * 0.04, 0.22 + (i % 4) * 0.03, mix(dark, grass, 0.35));
    } else if (id == "holtalen") {
        river(canvas, horizon, 0.45, 0.62, 0.10, water);
        canvas.polygon({{0.0, 0.83}, {1.0, 0.76}, {1.0, 0.775}, {0.0, 0.845}}, {60, 50, 45});  // the railway along the valley
    } else {
        river(canvas, horizon, 0.55, id == "tolga" ? 0.40 : 0.30, id == "tolga" ? 0.16 : 0.09, water);
    }
    const Rgb wall = mix({170, 50, 40}, jewel, 0.3), ochre{200, 150, 60}, roof{60, 50, 45};
    if (id == "roros") {
        // Slag heaps, rows of wooden houses and the stone church with its tower.
        canvas.polygon({{0.00, 0.80}, {0.08, 0.70}, {0.20, 0.72}, {0.28, 0.80}}, {55, 50, 50});
        canvas.polygon({{0.82, 0.80}, {0.90, 0.72}, {1.00, 0.74}, {1.00, 0.80}}, {55, 50, 50});
        canvas.rect(0.55, 0.48, 0.67, 0.74, {235, 232, 222});
        canvas.rect(0.585, 0.30, 0.635, 0.48, {235, 232, 222});
        canvas.polygon({{0.58, 0.30}, {0.61, 0.20}, {0.64, 0.30}}, roof);
        canvas.polygon({{0.54, 0.48}, {0.61, 0.42}, {0.68, 0.48}}, roof);
        for (int i = 0; i < 7; ++i) house(canvas, 0.06 + i * 0.065, 0.86, 0.05, 0.06, i % 2 ? ochre : wall, roof);
    } else if (id == "folldal") {
        // The mine's headframe: two legs, braces and the wheel on top.
        const Rgb iron{50, 45, 45};
        canvas.polygon({{0.60, 0.82}, {0.63, 0.40}, {0.645, 0.40}, {0.625, 0.82}}, iron);
        canvas.polygon({{0.72, 0.82}, {0.675, 0.40}, {0.69, 0.40}, {0.745, 0.82}}, iron);
        for (int i = 0; i < 4; ++i) canvas.rect(0.62 - i * 0.0, 0.50 + i * 0.08, 0.72, 0.51 + i * 0.08, iron);
        canvas.circle(0.66, 0.39, 0.035, iron);
        canvas.circle(0.66, 0.39, 0.022, mix(jewel, white, 0.7));
        house(canvas, 0.2, 0.86, 0.12, 0.08, wall, roof);
    } else if (id == "alvdal" || id == "tolga") {
        // Farm yards: a red barn and a white house (Vingelen's old yards, the farms under Tronfjellet).
        house(canvas, 0.12, 0.84, 0.14, 0.09, wall, roof);
        house(canvas, 0.30, 0.85, 0.08, 0.07, white, roof);
        house(canvas, 0.70, 0.80, 0.07, 0.05, ochre, roof);
        for (int i = 0; i < 6; ++i) spruce(canvas, 0.82 + i * 0.03, 0.86, 0.12, mix(dark, grass, 0.4));
    } else if (id == "tynset" || id == "os") {
        // The village along the river: many houses, a church.
        const int count = id == "tynset" ? 10 : 6;
        for (int i = 0; i < count; ++i) {
            house(canvas, 0.04 + i * 0.09 + (i % 2) * 0.02, 0.78 + (i % 3) * 0.05, 0.05, 0.05, i % 3 ? wall : (i % 2 ? ochre : white), roof);
        }
        canvas.rect(0.66, 0.60, 0.70, 0.74, white);
        canvas.polygon({{0.655, 0.60}, {0.68, 0.52}, {0.705, 0.60}}, roof);
    } else if (id == "holtalen") {
        for (int i = 0; i < 5; ++i) house(canvas, 0.10 + i * 0.16, 0.92 - (i % 2) * 0.03, 0.06, 0.05, i % 2 ? wall : ochre, roof);
        for (int i = 0; i < 10; ++i) spruce(canvas, 0.02 + i * 0.1, 0.72, 0.10, mix(dark, grass, 0.4));
    } else {
        for (int i = 0; i < 3; ++i) house(canvas, 0.15 + i * 0.25, 0.88, 0.06, 0.05, wall, roof);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: draw-illustrations PACKDIR  (writes PACKDIR/images/<id>.png)\n";
        return 2;
    }
    const std::filesystem::path pack = argv[1];
    std::ifstream in(pack / "manifest.json");
    const auto manifest = nlohmann::json::parse(in, nullptr, false);
    if (manifest.is_discarded() || !manifest.contains("municipalities")) {
        std::cerr << "draw-illustrations: " << (pack / "manifest.json").string() << ": not a content manifest\n";
        return 1;
    }
    std::filesystem::create_directories(pack / "images");
    int seed = 3;
    for (const auto& municipality : manifest["municipalities"]) {
        const std::string id = municipality.value("id", "");
        Canvas canvas;
        draw(canvas, id, parse_colour(municipality.value("colour", "#808080")), seed);
        seed += 5;
        flytthit::DecodedImage large{W, H, canvas.pixels()};
        const auto image = flytthit::scale_down_to_fit(large, out_width, out_height);
        const auto file = pack / "images" / (id + ".png");
        if (stbi_write_png(file.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4) == 0) {
            std::cerr << "draw-illustrations: cannot write " << file.string() << "\n";
            return 1;
        }
        std::cout << file.string() << " " << std::filesystem::file_size(file) << " bytes\n";
    }
    return 0;
}
