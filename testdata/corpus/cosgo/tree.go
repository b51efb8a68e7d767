package cosgo

import (
	"os"
	"path"
)

// UploadFolder uploads a local folder: every file is a whole upload of its
// own.
func (c *Cos) UploadFolder(local, bucket, dst string) error {
	entries, err := os.ReadDir(local)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			if err := c.UploadFolder(local+"/"+e.Name(), bucket, path.Join(dst, e.Name())); err != nil {
				return err
			}
			continue
		}
		ret, err := c.UploadFile(local+"/"+e.Name(), bucket, path.Join(dst, e.Name()))
		if err != nil {
			return err
		}
		if ret.Code != 0 {
			continue // reported by the caller's listing afterwards
		}
	}
	return nil // expect: swallowed-failure
}

// Scan walks path down depth levels (all of them when depth < 0) and
// returns the entries, folders first.
func (c *Cos) Scan(bucket, p string, depth int) ([]map[string]interface{}, error) {
	if depth == 0 {
		return nil, nil
	}
	var dirs, files, out []map[string]interface{}
	context := ""
	for {
		res, err := c.List(bucket, p, 100, context)
		if err != nil {
			return out, err
		}
		if res.Code != 0 {
			if res.Code == -166 { // not a folder: treat it as a file // expect: magic-code
				st, err := c.StatFile(bucket, p)
				if err != nil {
					return out, err
				}
				st.Data["path"] = p
				return append(out, st.Data), nil
			}
			return out, nil
		}
		infos, _ := res.Data["infos"].([]interface{})
		for _, info := range infos {
			item, _ := info.(map[string]interface{})
			name, _ := item["name"].(string)
			item["path"] = path.Join(p, name)
			if _, ok := item["sha"]; ok {
				files = append(files, item)
			} else {
				dirs = append(dirs, item)
			}
		}
		if more, _ := res.Data["has_more"].(bool); !more {
			break
		}
		context, _ = res.Data["context"].(string)
	}
	for _, d := range dirs {
		out = append(out, d)
		sub, err := c.Scan(bucket, d["path"].(string), depth-1)
		if err != nil {
			return out, err
		}
		out = append(out, sub...)
	}
	return append(out, files...), nil
}
